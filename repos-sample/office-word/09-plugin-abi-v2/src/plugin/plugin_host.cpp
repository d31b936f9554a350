#include "plugin/plugin_host.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>

#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
#else
#  include <dlfcn.h>
#endif

#include "core/document.h"
#include "undo/undo_stack.h"

// Definitions of the ABI's opaque handle types. Plugins only ever hold
// pointers to these, and only for the duration of a call.
struct ow_document {
    office::word::Document* document;
    office::word::UndoStack* undo;
    office::word::TextRange selection;
    bool readOnly;
};

struct ow_host_context {
    office::word::PluginHost* host;
    std::string pluginId;
    // Times of recent show_notification calls, for rate limiting.
    std::deque<std::chrono::steady_clock::time_point> recentNotifications;
};

namespace office::word {

namespace {

// Largest replacement a plugin may pass in one call (64 Mi code units).
constexpr std::uint64_t kMaxReplaceLength = 64ull << 20;
constexpr std::size_t kMaxLogMessage = 1024;
constexpr std::size_t kMaxNotification = 256;
// A plugin may show at most this many notifications per window; a plugin
// reacting to selection events could otherwise flood the user.
constexpr std::size_t kNotificationBurst = 3;
constexpr std::chrono::seconds kNotificationWindow{10};
constexpr std::uint32_t kKnownEvents = OW_EVENT_SELECTION_CHANGED | OW_EVENT_DOCUMENT_SAVED;

// Truncates UTF-8 to at most `limit` bytes without splitting a sequence.
std::string_view truncateUtf8(const char* text, std::size_t limit) {
    std::size_t length = strnlen(text, limit + 1);
    if (length <= limit) return {text, length};
    length = limit;
    while (length > 0 && (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) --length;
    return {text, length};
}

void* openLibrary(const std::filesystem::path& path, std::string& error) {
#if defined(_WIN32)
    // Resolve the plugin's dependencies from its own folder and System32
    // only, never from the current directory or PATH.
    HMODULE handle = LoadLibraryExW(path.c_str(), nullptr,
                                    LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_SYSTEM32);
    if (!handle) error = "LoadLibraryExW failed, error " + std::to_string(GetLastError());
    return reinterpret_cast<void*>(handle);
#else
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* message = dlerror();
        error = message ? message : "dlopen failed";
    }
    return handle;
#endif
}

void* findSymbol(void* library, const char* name) {
#if defined(_WIN32)
    return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(library), name));
#else
    return dlsym(library, name);
#endif
}

void closeLibrary(void* library) {
#if defined(_WIN32)
    FreeLibrary(static_cast<HMODULE>(library));
#else
    dlclose(library);
#endif
}

}  // namespace

struct PluginHost::Loaded {
    void* library = nullptr;
    std::filesystem::path path;
    ow_host_api api{};
    ow_plugin_info info{};
    ow_host_context context{};
    // Copies of the plugin's strings, so a plugin that breaks the "static
    // storage" rule cannot leave us with dangling pointers.
    std::string id;
    std::string name;
    std::string version;
};

// The C entry points handed to plugins. Exceptions must never cross the
// ABI boundary, so every callback that can throw catches and converts.
struct HostCallbacks {
    static ow_status OW_CALL getLength(ow_document* handle, uint64_t* outLength) {
        if (!handle || !outLength) return OW_ERR_INVALID_ARGUMENT;
        *outLength = handle->document->length();
        return OW_OK;
    }

    static ow_status OW_CALL getText(ow_document* handle, ow_range range, ow_char16* buffer,
                                     uint64_t capacity, uint64_t* outWritten) {
        if (!handle || !outWritten || (!buffer && capacity > 0)) return OW_ERR_INVALID_ARGUMENT;
        const uint64_t length = handle->document->length();
        if (range.start > length || range.length > length - range.start) return OW_ERR_OUT_OF_RANGE;

        *outWritten = range.length;
        if (capacity < range.length) return OW_ERR_BUFFER_TOO_SMALL;

        std::size_t offset = 0;
        handle->document->text().forEachChunk(
            static_cast<std::size_t>(range.start), static_cast<std::size_t>(range.length),
            [&](std::u16string_view chunk) {
                std::memcpy(buffer + offset, chunk.data(), chunk.size() * sizeof(ow_char16));
                offset += chunk.size();
            });
        return OW_OK;
    }

    static ow_status OW_CALL replaceText(ow_document* handle, ow_range range, const ow_char16* text,
                                         uint64_t length) {
        if (!handle || (!text && length > 0) || length > kMaxReplaceLength) {
            return OW_ERR_INVALID_ARGUMENT;
        }
        if (handle->readOnly) return OW_ERR_READ_ONLY;
        // The final paragraph mark is structural and cannot be replaced.
        const uint64_t docLength = handle->document->length();
        if (range.start >= docLength || range.length > docLength - 1 - range.start) {
            return OW_ERR_OUT_OF_RANGE;
        }
        try {
            std::u16string replacement(static_cast<std::size_t>(length), u'\0');
            if (length > 0) std::memcpy(replacement.data(), text, length * sizeof(ow_char16));

            const auto start = static_cast<std::size_t>(range.start);
            if (range.length > 0) {
                handle->undo->execute(std::make_unique<EraseTextCommand>(
                    TextRange{start, static_cast<std::size_t>(range.length)}));
            }
            if (!replacement.empty()) {
                handle->undo->execute(std::make_unique<InsertTextCommand>(start, std::move(replacement)));
            }
            return OW_OK;
        } catch (const std::exception&) {
            return OW_ERR_INTERNAL;
        }
    }

    static ow_status OW_CALL registerCommand(ow_host_context* context, const char* commandId,
                                             const char* label, ow_command_fn callback,
                                             void* userData) {
        if (!context || !commandId || !*commandId || !label || !callback) return OW_ERR_INVALID_ARGUMENT;
        try {
            auto& commands = context->host->commands_;
            const bool taken = std::any_of(commands.begin(), commands.end(),
                                           [&](const PluginHost::Command& c) { return c.id == commandId; });
            if (taken) return OW_ERR_INVALID_ARGUMENT;
            commands.push_back({commandId, label, context->pluginId, callback, userData});
            return OW_OK;
        } catch (const std::exception&) {
            return OW_ERR_INTERNAL;
        }
    }

    static void OW_CALL log(ow_host_context* context, ow_log_level level, const char* message) {
        if (!context || !message) return;
        try {
            context->host->log_(level, context->pluginId, truncateUtf8(message, kMaxLogMessage));
        } catch (...) {
            // Logging must never take the host down.
        }
    }

    // --- ABI version 2 ---

    static ow_status OW_CALL getSelection(ow_document* handle, ow_range* outSelection) {
        if (!handle || !outSelection) return OW_ERR_INVALID_ARGUMENT;
        outSelection->start = handle->selection.start;
        outSelection->length = handle->selection.length;
        return OW_OK;
    }

    static ow_status OW_CALL showNotification(ow_host_context* context, const char* message) {
        if (!context || !message || !*message) return OW_ERR_INVALID_ARGUMENT;
        try {
            const auto now = std::chrono::steady_clock::now();
            auto& recent = context->recentNotifications;
            while (!recent.empty() && now - recent.front() > kNotificationWindow) recent.pop_front();
            if (recent.size() >= kNotificationBurst) return OW_ERR_DENIED;
            recent.push_back(now);

            PluginHost& host = *context->host;
            if (!host.notify_) return OW_ERR_UNSUPPORTED;
            host.notify_(context->pluginId, truncateUtf8(message, kMaxNotification));
            return OW_OK;
        } catch (const std::exception&) {
            return OW_ERR_INTERNAL;
        }
    }

    static ow_status OW_CALL subscribe(ow_host_context* context, uint32_t eventMask,
                                       ow_event_fn callback, void* userData) {
        if (!context || !callback || eventMask == 0 || (eventMask & ~kKnownEvents) != 0) {
            return OW_ERR_INVALID_ARGUMENT;
        }
        try {
            context->host->subscriptions_.push_back({context->pluginId, eventMask, callback, userData});
            return OW_OK;
        } catch (const std::exception&) {
            return OW_ERR_INTERNAL;
        }
    }
};

PluginHost::PluginHost(LogSink log, NotificationSink notify)
    : log_(std::move(log)), notify_(std::move(notify)) {
    if (!log_) log_ = [](ow_log_level, std::string_view, std::string_view) {};
}

PluginHost::~PluginHost() {
    for (auto it = plugins_.rbegin(); it != plugins_.rend(); ++it) {
        Loaded& plugin = **it;
        if (plugin.info.shutdown) plugin.info.shutdown(plugin.info.user_data);
        closeLibrary(plugin.library);
    }
}

bool PluginHost::load(const std::filesystem::path& library) {
    auto plugin = std::make_unique<Loaded>();
    plugin->path = library;

    std::string error;
    plugin->library = openLibrary(library, error);
    if (!plugin->library) {
        log_(OW_LOG_ERROR, {}, "cannot load " + library.string() + ": " + error);
        return false;
    }

    auto entry = reinterpret_cast<ow_plugin_entry_fn>(findSymbol(plugin->library, OW_PLUGIN_ENTRY_SYMBOL));
    if (!entry) {
        log_(OW_LOG_ERROR, {}, library.string() + " does not export " OW_PLUGIN_ENTRY_SYMBOL);
        closeLibrary(plugin->library);
        return false;
    }

    // Until the plugin names itself, attribute its log lines to the file.
    plugin->context.host = this;
    plugin->context.pluginId = library.stem().string();

    ow_host_api& api = plugin->api;
    api.struct_size = sizeof(ow_host_api);
    api.abi_version = OW_PLUGIN_ABI_VERSION;
    api.context = &plugin->context;
    api.get_length = &HostCallbacks::getLength;
    api.get_text = &HostCallbacks::getText;
    api.replace_text = &HostCallbacks::replaceText;
    api.register_command = &HostCallbacks::registerCommand;
    api.log = &HostCallbacks::log;
    api.get_selection = &HostCallbacks::getSelection;
    api.show_notification = &HostCallbacks::showNotification;
    api.subscribe = &HostCallbacks::subscribe;
    plugin->info.struct_size = sizeof(ow_plugin_info);

    const std::size_t commandsBefore = commands_.size();
    const std::size_t subscriptionsBefore = subscriptions_.size();
    const ow_status status = entry(&plugin->api, &plugin->info);

    auto reject = [&](const std::string& reason, bool initialised) {
        commands_.resize(commandsBefore);
        subscriptions_.resize(subscriptionsBefore);
        log_(OW_LOG_ERROR, plugin->context.pluginId, "rejected: " + reason);
        if (initialised && plugin->info.shutdown) plugin->info.shutdown(plugin->info.user_data);
        closeLibrary(plugin->library);
        return false;
    };

    if (status != OW_OK) {
        return reject("entry point returned status " + std::to_string(static_cast<int>(status)), false);
    }
    const ow_plugin_info& info = plugin->info;
    if (info.abi_version == 0 || info.abi_version > OW_PLUGIN_ABI_VERSION) {
        return reject("built for unsupported ABI version " + std::to_string(info.abi_version), true);
    }
    if (!info.id || !*info.id) return reject("no plugin id provided", true);
    for (const auto& existing : plugins_) {
        if (existing->id == info.id) return reject(std::string("duplicate plugin id ") + info.id, true);
    }

    plugin->id = info.id;
    plugin->name = info.name ? info.name : info.id;
    plugin->version = info.version ? info.version : "";
    plugin->context.pluginId = plugin->id;
    for (std::size_t i = commandsBefore; i < commands_.size(); ++i) commands_[i].pluginId = plugin->id;
    for (std::size_t i = subscriptionsBefore; i < subscriptions_.size(); ++i) {
        subscriptions_[i].pluginId = plugin->id;
    }

    log_(OW_LOG_INFO, plugin->id, "loaded " + plugin->name + " " + plugin->version);
    plugins_.push_back(std::move(plugin));
    return true;
}

ow_status PluginHost::invoke(std::string_view commandId, Document& document, UndoStack& undo,
                             TextRange selection) {
    const auto it = std::find_if(commands_.begin(), commands_.end(),
                                 [&](const Command& c) { return c.id == commandId; });
    if (it == commands_.end()) return OW_ERR_INVALID_ARGUMENT;
    // Copy: the plugin may register further commands during the call,
    // which would invalidate the iterator.
    const Command command = *it;

    ow_document handle{&document, &undo, selection, false};
    undo.beginGroup("undo.plugin_command");
    ow_status status = OW_ERR_INTERNAL;
    try {
        status = command.callback(&handle, command.userData);
    } catch (...) {
        // A C++ plugin let an exception escape across the C ABI. That is
        // undefined behaviour in general; on the platforms we ship it
        // arrives here, and we treat it as a failed command.
        status = OW_ERR_INTERNAL;
    }
    undo.endGroup();

    if (status != OW_OK) {
        log_(OW_LOG_WARNING, command.pluginId,
             "command " + command.id + " failed with status " + std::to_string(static_cast<int>(status)));
    }
    return status;
}

void PluginHost::dispatchEvent(ow_event_kind event, Document& document, UndoStack& undo,
                               TextRange selection) {
    ow_document handle{&document, &undo, selection, true};
    // Index loop over a snapshot of the count: handlers may subscribe
    // further callbacks, which must not receive this event.
    const std::size_t count = subscriptions_.size();
    for (std::size_t i = 0; i < count; ++i) {
        const Subscription subscription = subscriptions_[i];
        if ((subscription.mask & static_cast<std::uint32_t>(event)) == 0) continue;
        try {
            subscription.callback(&handle, event, subscription.userData);
        } catch (...) {
            log_(OW_LOG_WARNING, subscription.pluginId, "event handler threw an exception");
        }
    }
}

std::vector<PluginHost::PluginRecord> PluginHost::plugins() const {
    std::vector<PluginRecord> records;
    records.reserve(plugins_.size());
    for (const auto& plugin : plugins_) {
        records.push_back({plugin->id, plugin->name, plugin->version, plugin->path});
    }
    return records;
}

}  // namespace office::word
