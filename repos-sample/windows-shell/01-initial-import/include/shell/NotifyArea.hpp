// NotifyArea.hpp - the notification area at the end of the taskbar.
//
// Applications register icons keyed by (owner window, uid). Icons of apps
// listed as promoted appear next to the clock; everything else goes to the
// overflow area.

#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "shell/ShellCore.h"

namespace shell::notify {

using WindowHandle = std::uint64_t;

struct NotifyIconId {
    WindowHandle owner = 0;
    std::uint32_t uid = 0;

    friend bool operator==(const NotifyIconId& a, const NotifyIconId& b) noexcept {
        return a.owner == b.owner && a.uid == b.uid;
    }
};

struct NotifyIconData {
    NotifyIconId id;
    std::wstring appId;
    std::wstring tooltip;
    std::wstring iconRef;
    std::uint32_t callbackMessage = 0;
    bool hidden = false;  // the app asked for the icon to be hidden for now
};

enum class IconPlacement { Promoted, Overflow };

struct NotifyBalloon {
    std::wstring title;
    std::wstring text;
    std::uint32_t timeoutMs = 5000;
};

class INotifyAreaView {
public:
    virtual ~INotifyAreaView() = default;
    virtual void OnIconsChanged() = 0;
    virtual void ShowBalloon(const NotifyIconData& icon, const NotifyBalloon& balloon) = 0;
};

class NotifyArea {
public:
    static constexpr std::size_t kMaxIcons = 256;
    static constexpr std::size_t kMaxTooltipChars = 127;
    static constexpr std::uint32_t kMinBalloonMs = 2000;
    static constexpr std::uint32_t kMaxBalloonMs = 30000;

    explicit NotifyArea(INotifyAreaView* view);

    void SetPromotedApps(std::vector<std::wstring> appIds);

    ShResult AddIcon(const NotifyIconData& icon);
    ShResult ModifyIcon(const NotifyIconData& icon);
    ShResult DeleteIcon(const NotifyIconId& id);

    // Apps that crash never delete their icons; the window manager reports
    // the owner's destruction and we reap what it left behind.
    std::size_t OnOwnerWindowDestroyed(WindowHandle owner);

    ShResult ShowBalloon(const NotifyIconId& id, const NotifyBalloon& balloon);

    IconPlacement PlacementFor(const NotifyIconData& icon) const;
    std::vector<const NotifyIconData*> VisibleIcons(IconPlacement placement) const;

private:
    NotifyIconData* Find(const NotifyIconId& id) noexcept;
    void NotifyChanged();

    INotifyAreaView* view_;
    std::vector<NotifyIconData> icons_;
    std::vector<std::wstring> promoted_;
};

}  // namespace shell::notify
