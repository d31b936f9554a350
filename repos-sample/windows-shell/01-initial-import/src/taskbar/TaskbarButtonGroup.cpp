// TaskbarButtonGroup.cpp - one taskbar button and the windows behind it.

#include <algorithm>

#include "shell/Taskbar.hpp"

namespace shell::taskbar {

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
    windows_.erase(it);
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
