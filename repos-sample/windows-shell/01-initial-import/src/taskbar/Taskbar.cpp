// Taskbar.cpp - maps window lifecycle events onto taskbar button groups.

#include "shell/Taskbar.hpp"

#include <algorithm>
#include <limits>

#include "shell/Diagnostics.h"
#include "shell/StringUtil.h"

namespace shell::taskbar {
namespace {

constexpr std::string_view kComponent = "taskbar";

}  // namespace

Taskbar::Taskbar(ITaskbarView* view) : view_(view) {}

std::wstring Taskbar::GroupKeyFor(const TaskbarWindow& window) const {
    std::wstring key = window.executablePath.empty()
                           ? L"window:" + std::to_wstring(window.handle)
                           : text::NormalizePathKey(window.executablePath);
    if (layout_.grouping == GroupingMode::Never) {
        // Every window gets its own button; pinned buttons stay separate
        // placeholders because their keys carry no handle.
        key += L'|';
        key += std::to_wstring(window.handle);
    }
    return key;
}

std::wstring Taskbar::GroupKeyFor(const PinnedApp& app) const {
    return text::NormalizePathKey(app.path);
}

TaskbarButtonGroup* Taskbar::FindGroup(std::wstring_view key) const noexcept {
    for (const auto& group : groups_) {
        if (group->Key() == key) {
            return group.get();
        }
    }
    return nullptr;
}

TaskbarButtonGroup* Taskbar::GroupForWindow(WindowHandle handle) const noexcept {
    const auto it = windowToGroup_.find(handle);
    return it == windowToGroup_.end() ? nullptr : it->second;
}

void Taskbar::DropCollapsedGroups() {
    groups_.erase(std::remove_if(groups_.begin(), groups_.end(),
                                 [](const auto& group) { return group->ShouldCollapse(); }),
                  groups_.end());
}

void Taskbar::NotifyChanged() {
    if (view_ != nullptr) {
        view_->OnGroupsChanged();
    }
}

ShResult Taskbar::ApplyLayout(const TaskbarLayout& layout) {
    try {
        const bool regroup = layout.grouping != layout_.grouping;
        layout_ = layout;

        if (regroup) {
            // Keys depend on the grouping mode, so rebuild every group from
            // the windows we know about, preserving their order.
            std::vector<TaskbarWindow> windows;
            for (const auto& group : groups_) {
                windows.insert(windows.end(), group->Windows().begin(), group->Windows().end());
            }
            groups_.clear();
            windowToGroup_.clear();
            for (const TaskbarWindow& window : windows) {
                const std::wstring key = GroupKeyFor(window);
                TaskbarButtonGroup* group = FindGroup(key);
                if (group == nullptr) {
                    groups_.push_back(std::make_unique<TaskbarButtonGroup>(key));
                    group = groups_.back().get();
                }
                group->AddWindow(window);
                windowToGroup_[window.handle] = group;
            }
        }

        for (const auto& group : groups_) {
            group->ClearPinned();
        }
        for (const PinnedApp& app : layout_.pinned) {
            const std::wstring key = GroupKeyFor(app);
            TaskbarButtonGroup* group = FindGroup(key);
            if (group == nullptr) {
                groups_.push_back(std::make_unique<TaskbarButtonGroup>(key));
                group = groups_.back().get();
            }
            group->SetPinned(app);
        }

        // Pinned buttons first, in layout order; running apps keep their
        // relative order after them.
        auto rank = [this](const std::unique_ptr<TaskbarButtonGroup>& group) {
            if (!group->IsPinned()) {
                return std::numeric_limits<std::size_t>::max();
            }
            for (std::size_t i = 0; i < layout_.pinned.size(); ++i) {
                if (layout_.pinned[i].appId == group->Pinned()->appId) {
                    return i;
                }
            }
            return layout_.pinned.size();
        };
        std::stable_sort(groups_.begin(), groups_.end(),
                         [&](const auto& a, const auto& b) { return rank(a) < rank(b); });

        DropCollapsedGroups();
        NotifyChanged();
        return SH_OK;
    } catch (...) {
        return diag::Check(kComponent, "ApplyLayout", ResultFromCurrentException());
    }
}

void Taskbar::OnWindowCreated(const TaskbarWindow& window) {
    if (windowToGroup_.count(window.handle) != 0) {
        return;
    }
    const std::wstring key = GroupKeyFor(window);
    TaskbarButtonGroup* group = FindGroup(key);
    if (group == nullptr) {
        groups_.push_back(std::make_unique<TaskbarButtonGroup>(key));
        group = groups_.back().get();
    }
    group->AddWindow(window);
    windowToGroup_[window.handle] = group;
    NotifyChanged();
}

void Taskbar::OnWindowDestroyed(WindowHandle handle) {
    const auto found = windowToGroup_.find(handle);
    if (found == windowToGroup_.end()) {
        return;
    }
    TaskbarButtonGroup* group = found->second;
    windowToGroup_.erase(found);
    group->RemoveWindow(handle);
    if (foreground_ == handle) {
        foreground_ = 0;
    }
    if (group->ShouldCollapse()) {
        DropCollapsedGroups();
    }
    NotifyChanged();
}

void Taskbar::OnWindowActivated(WindowHandle handle, std::uint64_t tick) {
    TaskbarButtonGroup* group = GroupForWindow(handle);
    foreground_ = handle;
    if (group == nullptr) {
        return;  // windows without a button (tool windows, the desktop)
    }
    const bool wasFlashing = group->IsFlashing();
    group->Activate(handle, tick);
    if (wasFlashing && !group->IsFlashing() && view_ != nullptr) {
        view_->OnGroupFlashing(*group, false);
    }
    NotifyChanged();
}

void Taskbar::OnWindowTitleChanged(WindowHandle handle, std::wstring title) {
    TaskbarButtonGroup* group = GroupForWindow(handle);
    if (group == nullptr) {
        return;
    }
    if (TaskbarWindow* window = group->FindWindow(handle)) {
        window->title = std::move(title);
        NotifyChanged();
    }
}

void Taskbar::OnWindowFlashing(WindowHandle handle, bool flashing) {
    TaskbarButtonGroup* group = GroupForWindow(handle);
    if (group == nullptr) {
        return;
    }
    TaskbarWindow* window = group->FindWindow(handle);
    if (window == nullptr || window->flashing == flashing) {
        return;
    }
    const bool groupWasFlashing = group->IsFlashing();
    window->flashing = flashing;
    if (group->IsFlashing() != groupWasFlashing && view_ != nullptr) {
        view_->OnGroupFlashing(*group, group->IsFlashing());
    }
}

WindowHandle Taskbar::OnButtonClicked(std::size_t index) {
    if (index >= groups_.size()) {
        return 0;
    }
    TaskbarButtonGroup& group = *groups_[index];
    const TaskbarWindow* active = group.ActiveWindow();
    if (active == nullptr) {
        return 0;  // pinned placeholder: the caller launches the app
    }
    if (active->handle == foreground_ && group.WindowCount() > 1) {
        active = group.CycleToNextWindow();
    }
    return active->handle;
}

ShResult Taskbar::Pin(const PinnedApp& app) {
    if (app.appId.empty() || app.path.empty()) {
        return SH_E_INVALIDARG;
    }
    const bool known = std::any_of(layout_.pinned.begin(), layout_.pinned.end(),
                                   [&](const PinnedApp& p) { return p.appId == app.appId; });
    if (known) {
        return SH_FALSE;
    }
    TaskbarLayout updated = layout_;
    updated.pinned.push_back(app);
    return ApplyLayout(updated);
}

ShResult Taskbar::Unpin(std::wstring_view appId) {
    TaskbarLayout updated = layout_;
    const auto it = std::find_if(updated.pinned.begin(), updated.pinned.end(),
                                 [&](const PinnedApp& p) { return p.appId == appId; });
    if (it == updated.pinned.end()) {
        return SH_E_NOTFOUND;
    }
    updated.pinned.erase(it);
    return ApplyLayout(updated);
}

}  // namespace shell::taskbar
