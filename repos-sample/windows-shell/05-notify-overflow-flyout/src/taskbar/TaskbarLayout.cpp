// TaskbarLayout.cpp - reads taskbar layout files.
//
// Unknown keys are ignored so that a newer settings tool can write files an
// older shell still loads. Known keys with the wrong type reject the whole
// file: a half-applied layout is harder to diagnose than the default one.

#include <algorithm>
#include <fstream>
#include <iterator>
#include <utility>

#include <nlohmann/json.hpp>

#include "shell/Diagnostics.h"
#include "shell/StringUtil.h"
#include "shell/Taskbar.hpp"

namespace shell::taskbar {
namespace {

using nlohmann::json;

constexpr std::string_view kComponent = "taskbar.layout";
constexpr int kNewestSchemaVersion = 1;
constexpr std::size_t kMaxPinnedApps = 64;
constexpr std::size_t kMaxPromotedApps = 32;
constexpr std::uintmax_t kMaxFileBytes = 1u << 20;

constexpr std::pair<std::string_view, TaskbarEdge> kEdges[] = {
    {"bottom", TaskbarEdge::Bottom},
    {"top", TaskbarEdge::Top},
    {"left", TaskbarEdge::Left},
    {"right", TaskbarEdge::Right},
};

constexpr std::pair<std::string_view, GroupingMode> kGroupingModes[] = {
    {"always", GroupingMode::Always},
    {"never", GroupingMode::Never},
};

constexpr std::pair<std::string_view, bool> kOverflowModes[] = {
    {"flyout", false},
    {"showAll", true},
};

ShResult Reject(std::string_view why) {
    diag::Log(diag::Level::Warning, kComponent, std::string("layout rejected: ") + std::string(why));
    return SH_E_INVALIDDATA;
}

bool ReadBool(const json& object, const char* key, bool* out) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return true;  // optional; keep the default
    }
    if (!it->is_boolean()) {
        return false;
    }
    *out = it->get<bool>();
    return true;
}

bool ReadString(const json& object, const char* key, bool required, std::wstring* out) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return !required;
    }
    if (!it->is_string()) {
        return false;
    }
    *out = text::Utf8ToWide(it->get_ref<const std::string&>());
    return !required || !out->empty();
}

template <class E, std::size_t N>
bool ReadChoice(const json& object, const char* key, const std::pair<std::string_view, E> (&choices)[N],
                E* out) {
    const auto it = object.find(key);
    if (it == object.end()) {
        return true;
    }
    if (!it->is_string()) {
        return false;
    }
    const std::string& value = it->get_ref<const std::string&>();
    for (const auto& [name, choice] : choices) {
        if (value == name) {
            *out = choice;
            return true;
        }
    }
    return false;
}

ShResult ParseNotificationArea(const json& node, NotificationAreaLayout* area) {
    if (!node.is_object()) {
        return Reject("notificationArea must be an object");
    }
    if (!ReadBool(node, "showClock", &area->showClock)) {
        return Reject("notificationArea.showClock must be a boolean");
    }
    if (!ReadChoice(node, "overflow", kOverflowModes, &area->showAllIcons)) {
        return Reject("notificationArea.overflow must be \"flyout\" or \"showAll\"");
    }
    const auto promoted = node.find("promotedApps");
    if (promoted == node.end()) {
        return SH_OK;
    }
    if (!promoted->is_array()) {
        return Reject("notificationArea.promotedApps must be an array");
    }
    for (const json& entry : *promoted) {
        if (!entry.is_string() || entry.get_ref<const std::string&>().empty()) {
            return Reject("notificationArea.promotedApps entries must be non-empty strings");
        }
        if (area->promotedApps.size() == kMaxPromotedApps) {
            diag::Log(diag::Level::Warning, kComponent, "too many promoted apps; ignoring the rest");
            break;
        }
        area->promotedApps.push_back(text::Utf8ToWide(entry.get_ref<const std::string&>()));
    }
    return SH_OK;
}

}  // namespace

ShResult ParseTaskbarLayout(std::string_view document, TaskbarLayout* layout) {
    if (layout == nullptr) {
        return SH_E_POINTER;
    }
    try {
        const json root = json::parse(document.begin(), document.end(), nullptr,
                                      /*allow_exceptions=*/false, /*ignore_comments=*/true);
        if (root.is_discarded() || !root.is_object()) {
            return Reject("not a JSON object");
        }

        TaskbarLayout parsed;
        const auto version = root.find("schemaVersion");
        if (version == root.end() || !version->is_number_integer()) {
            return Reject("schemaVersion missing");
        }
        parsed.schemaVersion = version->get<int>();
        if (parsed.schemaVersion < 1 || parsed.schemaVersion > kNewestSchemaVersion) {
            return Reject("unsupported schemaVersion " + std::to_string(parsed.schemaVersion));
        }

        if (!ReadChoice(root, "edge", kEdges, &parsed.edge)) {
            return Reject("edge");
        }
        if (!ReadChoice(root, "grouping", kGroupingModes, &parsed.grouping)) {
            return Reject("grouping");
        }
        if (!ReadBool(root, "autoHide", &parsed.autoHide) ||
            !ReadBool(root, "smallButtons", &parsed.smallButtons)) {
            return Reject("autoHide/smallButtons must be booleans");
        }

        if (const auto pinned = root.find("pinned"); pinned != root.end()) {
            if (!pinned->is_array()) {
                return Reject("pinned must be an array");
            }
            for (const json& entry : *pinned) {
                PinnedApp app;
                if (!entry.is_object() || !ReadString(entry, "appId", true, &app.appId) ||
                    !ReadString(entry, "path", true, &app.path) ||
                    !ReadString(entry, "label", false, &app.label)) {
                    return Reject("pinned entries need string appId and path");
                }
                const bool duplicate =
                    std::any_of(parsed.pinned.begin(), parsed.pinned.end(),
                                [&](const PinnedApp& p) { return p.appId == app.appId; });
                if (duplicate) {
                    diag::Log(diag::Level::Info, kComponent,
                              "ignoring duplicate pin " + text::WideToUtf8(app.appId));
                    continue;
                }
                if (parsed.pinned.size() == kMaxPinnedApps) {
                    diag::Log(diag::Level::Warning, kComponent, "too many pinned apps; ignoring the rest");
                    break;
                }
                parsed.pinned.push_back(std::move(app));
            }
        }

        if (const auto area = root.find("notificationArea"); area != root.end()) {
            if (const ShResult hr = ParseNotificationArea(*area, &parsed.notificationArea);
                Failed(hr)) {
                return hr;
            }
        }

        *layout = std::move(parsed);
        return SH_OK;
    } catch (...) {
        return ResultFromCurrentException();
    }
}

ShResult LoadTaskbarLayout(const std::filesystem::path& file, TaskbarLayout* layout) {
    if (layout == nullptr) {
        return SH_E_POINTER;
    }
    try {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(file, ec);
        if (ec) {
            return ec == std::errc::no_such_file_or_directory ? SH_E_NOTFOUND : SH_E_ACCESSDENIED;
        }
        if (size > kMaxFileBytes) {
            return Reject("file larger than 1 MiB");
        }

        std::ifstream stream(file, std::ios::binary);
        if (!stream) {
            return SH_E_ACCESSDENIED;
        }
        std::string content{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};

        // Editors on this platform like to add a byte order mark.
        std::string_view view(content);
        if (view.substr(0, 3) == "\xEF\xBB\xBF") {
            view.remove_prefix(3);
        }
        return ParseTaskbarLayout(view, layout);
    } catch (...) {
        return ResultFromCurrentException();
    }
}

}  // namespace shell::taskbar
