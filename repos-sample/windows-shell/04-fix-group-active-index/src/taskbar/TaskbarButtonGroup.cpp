// TaskbarButtonGroup.cpp - one taskbar button and the windows behind it.

#include <algorithm>
#include <cassert>

#include "shell/Taskbar.hpp"

namespace shell::taskbar {
namespace {

std::size_t MostRecentlyActivated(const std::vector<TaskbarWindow>& windows) noexcept {
    std::size_t best = 0;
    for (std::size_t i = 1; i < windows.size(); ++i) {
        if (windows[i].lastActivatedTick > windows[best].lastActivatedTick) {
            best = i;
        }
    }
    return best;
}

}  // namespace

TaskbarButtonGroup::TaskbarButtonGroup(std::wstring key) : key_(std::move(key)) {}

void TaskbarButtonGroup::SetPinned(const PinnedApp& app) {
    pinned_ = app;
}

void TaskbarButtonGroup::AddWindow(const TaskbarWindow& window) {
    // Session restore can report the same window twice; keep the first.
    if (FindWindow(window.handle) != nullptr) {
        return;
    }
    windows_.push_back(window);
    if (windows_.size() == 1) {
        activeIndex_ = 0;
    }
}

bool TaskbarButtonGroup::RemoveWindow(WindowHandle handle) {
    const auto it = std::find_if(windows_.begin(), windows_.end(),
                                 [&](const TaskbarWindow& w) { return w.handle == handle; });
    if (it == windows_.end()) {
        return false;
    }
    const auto removed = static_cast<std::size_t>(it - windows_.begin());
    windows_.erase(it);

    // Keep activeIndex_ on the same window. If the active window itself
    // closed, fall back to the most recently activated survivor. Without
    // this, closing the active window when it was last in the vector left
    // the index one past the end and the next click on the button read
    // beyond the vector (SH-2291).
    if (windows_.empty()) {
        activeIndex_ = 0;
    } else if (removed < activeIndex_) {
        --activeIndex_;
    } else if (removed == activeIndex_) {
        activeIndex_ = MostRecentlyActivated(windows_);
    }
    return true;
}

TaskbarWindow* TaskbarButtonGroup::FindWindow(WindowHandle handle) noexcept {
    for (TaskbarWindow& window : windows_) {
        if (window.handle == handle) {
            return &window;
        }
    }
    return nullptr;
}

bool TaskbarButtonGroup::Activate(WindowHandle handle, std::uint64_t tick) {
    for (std::size_t i = 0; i < windows_.size(); ++i) {
        if (windows_[i].handle == handle) {
            activeIndex_ = i;
            windows_[i].lastActivatedTick = tick;
            // Bringing a window forward answers whatever it was flashing for.
            windows_[i].flashing = false;
            return true;
        }
    }
    return false;
}

const TaskbarWindow* TaskbarButtonGroup::ActiveWindow() const noexcept {
    if (windows_.empty()) {
        return nullptr;
    }
    assert(activeIndex_ < windows_.size());
    return &windows_[activeIndex_];
}

const TaskbarWindow* TaskbarButtonGroup::CycleToNextWindow() noexcept {
    if (windows_.empty()) {
        return nullptr;
    }
    activeIndex_ = (activeIndex_ + 1) % windows_.size();
    return &windows_[activeIndex_];
}

bool TaskbarButtonGroup::IsFlashing() const noexcept {
    return std::any_of(windows_.begin(), windows_.end(),
                       [](const TaskbarWindow& w) { return w.flashing; });
}

std::wstring TaskbarButtonGroup::Label() const {
    if (pinned_ && !pinned_->label.empty()) {
        return pinned_->label;
    }
    if (const TaskbarWindow* active = ActiveWindow(); active != nullptr && !active->title.empty()) {
        return active->title;
    }
    return key_;
}

}  // namespace shell::taskbar
