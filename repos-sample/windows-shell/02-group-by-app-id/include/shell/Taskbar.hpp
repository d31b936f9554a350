// Taskbar.hpp - taskbar model: button groups, pinned apps, layout.
//
// The model receives window lifecycle events from the session's window
// manager hook and keeps one TaskbarButtonGroup per taskbar button. It does
// not draw; ITaskbarView is told when to repaint.

#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shell/ShellCore.h"

namespace shell::taskbar {

using WindowHandle = std::uint64_t;

struct TaskbarWindow {
    WindowHandle handle = 0;
    // Explicit application id, set by the app itself or by the shortcut that
    // launched it. Windows with the same id share a button even when they
    // come from different executables (launcher stubs, helper processes).
    std::wstring appId;
    std::wstring title;
    std::wstring executablePath;
    std::uint64_t lastActivatedTick = 0;
    bool flashing = false;
};

enum class GroupingMode {
    Always,  // one button per application
    Never,   // one button per window
};

enum class TaskbarEdge { Bottom, Top, Left, Right };

struct PinnedApp {
    std::wstring appId;
    std::wstring path;
    std::wstring label;
};

struct TaskbarLayout {
    int schemaVersion = 1;
    TaskbarEdge edge = TaskbarEdge::Bottom;
    GroupingMode grouping = GroupingMode::Always;
    bool autoHide = false;
    bool smallButtons = false;
    std::vector<PinnedApp> pinned;
};

// Layout files are UTF-8 JSON; see config/default-taskbar-layout.json.
ShResult ParseTaskbarLayout(std::string_view json, TaskbarLayout* layout);
ShResult LoadTaskbarLayout(const std::filesystem::path& file, TaskbarLayout* layout);

class TaskbarButtonGroup {
public:
    explicit TaskbarButtonGroup(std::wstring key);

    const std::wstring& Key() const noexcept { return key_; }

    bool IsPinned() const noexcept { return pinned_.has_value(); }
    const std::optional<PinnedApp>& Pinned() const noexcept { return pinned_; }
    void SetPinned(const PinnedApp& app);
    void ClearPinned() noexcept { pinned_.reset(); }

    void AddWindow(const TaskbarWindow& window);
    bool RemoveWindow(WindowHandle handle);
    TaskbarWindow* FindWindow(WindowHandle handle) noexcept;

    // Marks `handle` as the group's active window.
    bool Activate(WindowHandle handle, std::uint64_t tick);

    // The window a click on the button brings forward, or nullptr.
    const TaskbarWindow* ActiveWindow() const noexcept;

    // Clicking an already active group cycles through its windows.
    const TaskbarWindow* CycleToNextWindow() noexcept;

    bool IsFlashing() const noexcept;
    std::size_t WindowCount() const noexcept { return windows_.size(); }
    const std::vector<TaskbarWindow>& Windows() const noexcept { return windows_; }

    // A group with no windows survives only while pinned.
    bool ShouldCollapse() const noexcept { return windows_.empty() && !pinned_; }

    // Text for the button tooltip: the pinned label, else the active title.
    std::wstring Label() const;

private:
    std::wstring key_;
    std::optional<PinnedApp> pinned_;
    std::vector<TaskbarWindow> windows_;
    std::size_t activeIndex_ = 0;
};

class ITaskbarView {
public:
    virtual ~ITaskbarView() = default;
    virtual void OnGroupsChanged() = 0;
    virtual void OnGroupFlashing(const TaskbarButtonGroup& group, bool flashing) = 0;
};

class Taskbar {
public:
    explicit Taskbar(ITaskbarView* view);

    ShResult ApplyLayout(const TaskbarLayout& layout);
    const TaskbarLayout& Layout() const noexcept { return layout_; }

    void OnWindowCreated(const TaskbarWindow& window);
    void OnWindowDestroyed(WindowHandle handle);
    void OnWindowActivated(WindowHandle handle, std::uint64_t tick);
    void OnWindowTitleChanged(WindowHandle handle, std::wstring title);
    // Apps often set their id only after the first window is shown; the
    // window then moves to the button for its new id.
    void OnWindowAppIdChanged(WindowHandle handle, std::wstring appId);
    void OnWindowFlashing(WindowHandle handle, bool flashing);

    // Handles a click on the button at `index`; returns the window to bring
    // to the foreground, or 0 if the click should launch the pinned app.
    WindowHandle OnButtonClicked(std::size_t index);

    ShResult Pin(const PinnedApp& app);
    ShResult Unpin(std::wstring_view appId);

    const std::vector<std::unique_ptr<TaskbarButtonGroup>>& Groups() const noexcept {
        return groups_;
    }
    TaskbarButtonGroup* GroupForWindow(WindowHandle handle) const noexcept;

private:
    std::wstring GroupKeyFor(const TaskbarWindow& window) const;
    std::wstring GroupKeyFor(const PinnedApp& app) const;
    TaskbarButtonGroup* FindGroup(std::wstring_view key) const noexcept;
    TaskbarButtonGroup* FindOrAddGroup(const std::wstring& key);
    void DropCollapsedGroups();
    void NotifyChanged();

    ITaskbarView* view_;
    TaskbarLayout layout_;
    std::vector<std::unique_ptr<TaskbarButtonGroup>> groups_;
    std::unordered_map<WindowHandle, TaskbarButtonGroup*> windowToGroup_;
    WindowHandle foreground_ = 0;
};

}  // namespace shell::taskbar
