#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ow_plugin.h"

namespace office::word {

class Document;
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

    explicit PluginHost(LogSink log);
    ~PluginHost();

    PluginHost(const PluginHost&) = delete;
    PluginHost& operator=(const PluginHost&) = delete;

    // Loads and initialises one plugin library. Failures are logged and
    // reported as false; the host stays usable.
    bool load(const std::filesystem::path& library);

    // Runs a command. All edits the plugin makes during the call are
    // grouped into a single undo step.
    ow_status invoke(std::string_view commandId, Document& document, UndoStack& undo);

    const std::vector<Command>& commands() const noexcept { return commands_; }
    std::vector<PluginRecord> plugins() const;

    // Implementation detail, public only so the C callbacks can reach it.
    struct Loaded;

private:
    friend struct HostCallbacks;

    LogSink log_;
    std::vector<std::unique_ptr<Loaded>> plugins_;
    std::vector<Command> commands_;
};

}  // namespace office::word
