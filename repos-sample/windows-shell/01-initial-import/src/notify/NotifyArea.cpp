// NotifyArea.cpp - icon registry and placement for the notification area.

#include "shell/NotifyArea.hpp"

#include <algorithm>

#include "shell/Diagnostics.h"
#include "shell/StringUtil.h"

namespace shell::notify {
namespace {

constexpr std::string_view kComponent = "notify";

std::wstring ClampTooltip(const std::wstring& tooltip) {
    if (tooltip.size() <= NotifyArea::kMaxTooltipChars) {
        return tooltip;
    }
    std::wstring clamped = tooltip.substr(0, NotifyArea::kMaxTooltipChars - 1);
    clamped += L'\x2026';  // horizontal ellipsis
    return clamped;
}

}  // namespace

NotifyArea::NotifyArea(INotifyAreaView* view) : view_(view) {}

void NotifyArea::SetPromotedApps(std::vector<std::wstring> appIds) {
    promoted_ = std::move(appIds);
    NotifyChanged();
}

NotifyIconData* NotifyArea::Find(const NotifyIconId& id) noexcept {
    for (NotifyIconData& icon : icons_) {
        if (icon.id == id) {
            return &icon;
        }
    }
    return nullptr;
}

void NotifyArea::NotifyChanged() {
    if (view_ != nullptr) {
        view_->OnIconsChanged();
    }
}

ShResult NotifyArea::AddIcon(const NotifyIconData& icon) {
    if (icon.id.owner == 0) {
        return SH_E_INVALIDARG;
    }
    if (Find(icon.id) != nullptr) {
        return SH_E_ALREADYEXISTS;
    }
    if (icons_.size() >= kMaxIcons) {
        diag::Log(diag::Level::Warning, kComponent,
                  "icon limit reached; refusing icon from " + text::WideToUtf8(icon.appId));
        return SH_E_OUTOFMEMORY;
    }
    try {
        NotifyIconData stored = icon;
        stored.tooltip = ClampTooltip(icon.tooltip);
        icons_.push_back(std::move(stored));
    } catch (...) {
        return ResultFromCurrentException();
    }
    NotifyChanged();
    return SH_OK;
}

ShResult NotifyArea::ModifyIcon(const NotifyIconData& icon) {
    NotifyIconData* existing = Find(icon.id);
    if (existing == nullptr) {
        return SH_E_NOTFOUND;
    }
    try {
        // The app id is fixed at registration; an app cannot move its icon
        // into another app's promoted slot by renaming itself.
        existing->tooltip = ClampTooltip(icon.tooltip);
        existing->iconRef = icon.iconRef;
        existing->callbackMessage = icon.callbackMessage;
        existing->hidden = icon.hidden;
    } catch (...) {
        return ResultFromCurrentException();
    }
    NotifyChanged();
    return SH_OK;
}

ShResult NotifyArea::DeleteIcon(const NotifyIconId& id) {
    const auto it = std::find_if(icons_.begin(), icons_.end(),
                                 [&](const NotifyIconData& icon) { return icon.id == id; });
    if (it == icons_.end()) {
        return SH_E_NOTFOUND;
    }
    icons_.erase(it);
    NotifyChanged();
    return SH_OK;
}

std::size_t NotifyArea::OnOwnerWindowDestroyed(WindowHandle owner) {
    const auto firstRemoved =
        std::remove_if(icons_.begin(), icons_.end(),
                       [&](const NotifyIconData& icon) { return icon.id.owner == owner; });
    const auto removed = static_cast<std::size_t>(std::distance(firstRemoved, icons_.end()));
    icons_.erase(firstRemoved, icons_.end());
    if (removed != 0) {
        diag::Log(diag::Level::Info, kComponent,
                  "reaped " + std::to_string(removed) + " orphaned icon(s)");
        NotifyChanged();
    }
    return removed;
}

ShResult NotifyArea::ShowBalloon(const NotifyIconId& id, const NotifyBalloon& balloon) {
    const NotifyIconData* icon = Find(id);
    if (icon == nullptr) {
        return SH_E_NOTFOUND;
    }
    if (balloon.title.empty() && balloon.text.empty()) {
        return SH_E_INVALIDARG;
    }
    if (icon->hidden) {
        return SH_FALSE;  // hidden icons do not get to interrupt the user
    }
    NotifyBalloon clamped = balloon;
    clamped.timeoutMs = std::clamp(balloon.timeoutMs, kMinBalloonMs, kMaxBalloonMs);
    if (view_ != nullptr) {
        view_->ShowBalloon(*icon, clamped);
    }
    return SH_OK;
}

IconPlacement NotifyArea::PlacementFor(const NotifyIconData& icon) const {
    const bool promoted =
        std::any_of(promoted_.begin(), promoted_.end(),
                    [&](const std::wstring& appId) { return text::EqualsIgnoreCase(appId, icon.appId); });
    return promoted ? IconPlacement::Promoted : IconPlacement::Overflow;
}

std::vector<const NotifyIconData*> NotifyArea::VisibleIcons(IconPlacement placement) const {
    std::vector<const NotifyIconData*> visible;
    for (const NotifyIconData& icon : icons_) {
        if (!icon.hidden && PlacementFor(icon) == placement) {
            visible.push_back(&icon);
        }
    }
    return visible;
}

}  // namespace shell::notify
