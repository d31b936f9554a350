#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "ow_plugin.h"

namespace office::word {

class UndoStack;

// Loads native plugins and bridges the C ABI in sdk/plugin/ to the
// document core. Signature checks on plugin binaries happen in the shell
// before load() is called; this class assumes the file is allowed to load.
class PluginHost {
public:
    struct Command {
        std::string id;
        std::string label;
        std::string pluginId;
        ow_command_fn callback = nullptr;
        void* userData = nullptr;
    };

    struct PluginRecord {
        std::string id;
        std::string name;
        std::string version;
        std::filesystem::path path;
    };

    using LogSink =
        std::function<void(ow_log_level level, std::string_view pluginId, std::string_view message)>;
    using NotificationSink = std::function<void(std::string_view pluginId, std::string_view message)>;

    explicit PluginHost(LogSink log, NotificationSink notify = {});
    ~PluginHost();

    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // Loads and initialises one plugin library. Failures are logged and
    // reported as false; the host stays usable.
    bool load(const std::filesystem::path& library);

    // Runs a command. All edits the plugin makes during the call are
    // grouped into a single undo step. `selection` is what get_selection
    // reports to the plugin.
    ow_status invoke(std::string_view commandId, Document& document, UndoStack& undo,
                     TextRange selection = {});

    // Delivers an event to subscribed plugins. The document is read-only
    // while handlers run.
    void dispatchEvent(ow_event_kind event, Document& document, UndoStack& undo,
                       TextRange selection);

    const std::vector<Command>& commands() const noexcept { return commands_; }
    std::vector<PluginRecord> plugins() const;

    // Implementation detail, public only so the C callbacks can reach it.
    struct Loaded;

private:
    friend struct HostCallbacks;

    struct Subscription {
        std::string pluginId;
        std::uint32_t mask = 0;
        ow_event_fn callback = nullptr;
        void* userData = nullptr;
    };

    LogSink log_;
    NotificationSink notify_;
    std::vector<std::unique_ptr<Loaded>> plugins_;
    std::vector<Command> commands_;
    std::vector<Subscription> subscriptions_;
};

}  // namespace office::word
