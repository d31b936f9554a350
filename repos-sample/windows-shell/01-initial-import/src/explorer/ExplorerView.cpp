// ExplorerView.cpp - listing, sorting, selection and history for one view.

#include "shell/ExplorerView.hpp"

#include <algorithm>

#include "shell/Diagnostics.h"

namespace shell::explorer {
namespace {

constexpr std::string_view kComponent = "explorer.view";

}  // namespace

ExplorerView::ExplorerView(IExplorerViewHost* host) : host_(host) {}

ShResult ExplorerView::Load(const ItemIdList& absolute, std::vector<ItemIdList> keepSelected) {
    if (host_ == nullptr) {
        return SH_E_UNEXPECTED;
    }
    ComRef<IShellFolderNode> folder;
    if (const ShResult hr = host_->BindFolder(absolute, folder.Put()); Failed(hr)) {
        return diag::Check(kComponent, "BindFolder", hr);
    }

    std::uint32_t flags = kEnumFolders | kEnumNonFolders;
    if (showHidden_) {
        flags |= kEnumIncludeHidden;
    }
    ComRef<IItemEnumerator> enumerator;
    if (const ShResult hr = folder->EnumChildren(flags, enumerator.Put()); Failed(hr)) {
        return diag::Check(kComponent, "EnumChildren", hr);
    }

    // Build the new listing completely before replacing the old one, so a
    // failure half way leaves the view showing the previous folder intact.
    std::vector<ViewItem> items;
    ItemIdList child;
    for (;;) {
        const ShResult hr = enumerator->Next(&child);
        if (Failed(hr)) {
            return diag::Check(kComponent, "IItemEnumerator::Next", hr);
        }
        if (hr == SH_FALSE) {
            break;
        }
        ViewItem item;
        item.relativeId = child;
        if (Failed(folder->GetDisplayName(child, DisplayNameForm::Normal, &item.displayName)) ||
            Failed(folder->GetAttributes(child, &item.attributes))) {
            continue;  // the item vanished between enumeration and query
        }
        item.selected = std::find(keepSelected.begin(), keepSelected.end(), child) !=
                        keepSelected.end();
        items.push_back(std::move(item));
    }

    folder_ = std::move(folder);
    location_ = absolute;
    items_ = std::move(items);
    anchor_ = kNoAnchor;
    loaded_ = true;
    Sort();
    host_->OnViewChanged();
    return SH_OK;
}

void ExplorerView::Sort() {
    if (!folder_) {
        return;
    }
    IShellFolderNode* folder = folder_.Get();
    const SortColumn column = sortColumn_;
    const bool descending = sortDescending_;
    std::stable_sort(items_.begin(), items_.end(), [&](const ViewItem& a, const ViewItem& b) {
        const int order = folder->CompareItems(a.relativeId, b.relativeId, column);
        return descending ? order > 0 : order < 0;
    });
    anchor_ = kNoAnchor;
}

void ExplorerView::PushHistory(std::deque<ItemIdList>& stack, const ItemIdList& location) {
    stack.push_back(location);
    if (stack.size() > kMaxHistory) {
        stack.pop_front();
    }
}

ShResult ExplorerView::Navigate(const ItemIdList& absolute) {
    if (loaded_ && absolute == location_) {
        return Refresh();
    }
    const ItemIdList previous = location_;
    const bool hadLocation = loaded_;
    if (const ShResult hr = Load(absolute, {}); Failed(hr)) {
        return hr;
    }
    if (hadLocation) {
        PushHistory(back_, previous);
    }
    forward_.clear();
    return SH_OK;
}

ShResult ExplorerView::GoBack() {
    if (back_.empty()) {
        return SH_FALSE;
    }
    const ItemIdList current = location_;
    const ItemIdList target = back_.back();
    if (const ShResult hr = Load(target, {}); Failed(hr)) {
        return hr;
    }
    back_.pop_back();
    PushHistory(forward_, current);
    return SH_OK;
}

ShResult ExplorerView::GoForward() {
    if (forward_.empty()) {
        return SH_FALSE;
    }
    const ItemIdList current = location_;
    const ItemIdList target = forward_.back();
    if (const ShResult hr = Load(target, {}); Failed(hr)) {
        return hr;
    }
    forward_.pop_back();
    PushHistory(back_, current);
    return SH_OK;
}

ShResult ExplorerView::GoUp() {
    if (location_.IsEmpty()) {
        return SH_FALSE;
    }
    // Going up selects the folder we came from, which is what users expect
    // when they press Backspace twice in a row.
    const ItemIdList cameFrom = location_.LastSegment();
    const ItemIdList previous = location_;
    if (const ShResult hr = Load(location_.Parent(), {cameFrom}); Failed(hr)) {
        return hr;
    }
    PushHistory(back_, previous);
    forward_.clear();
    return SH_OK;
}

ShResult ExplorerView::Refresh() {
    if (!loaded_) {
        return SH_FALSE;
    }
    std::vector<ItemIdList> selected;
    for (const ViewItem& item : items_) {
        if (item.selected) {
            selected.push_back(item.relativeId);
        }
    }
    return Load(location_, std::move(selected));
}

void ExplorerView::SetSort(SortColumn column, bool descending) {
    if (column == sortColumn_ && descending == sortDescending_) {
        return;
    }
    sortColumn_ = column;
    sortDescending_ = descending;
    Sort();
    if (host_ != nullptr) {
        host_->OnViewChanged();
    }
}

ShResult ExplorerView::SetShowHidden(bool show) {
    if (show == showHidden_) {
        return SH_FALSE;
    }
    showHidden_ = show;
    return Refresh();
}

void ExplorerView::Select(std::size_t index, SelectMode mode) {
    if (index >= items_.size()) {
        return;
    }
    switch (mode) {
    case SelectMode::Replace:
        for (ViewItem& item : items_) {
            item.selected = false;
        }
        items_[index].selected = true;
        anchor_ = index;
        break;
    case SelectMode::Toggle:
        items_[index].selected = !items_[index].selected;
        anchor_ = index;
        break;
    case SelectMode::Extend: {
        const std::size_t from = anchor_ == kNoAnchor ? index : anchor_;
        const std::size_t low = std::min(from, index);
        const std::size_t high = std::max(from, index);
        for (std::size_t i = 0; i < items_.size(); ++i) {
            items_[i].selected = i >= low && i <= high;
        }
        // The anchor stays put so that successive shift+clicks pivot on it.
        break;
    }
    }
    if (host_ != nullptr) {
        host_->OnViewChanged();
    }
}

void ExplorerView::ClearSelection() {
    for (ViewItem& item : items_) {
        item.selected = false;
    }
    anchor_ = kNoAnchor;
    if (host_ != nullptr) {
        host_->OnViewChanged();
    }
}

std::vector<ItemIdList> ExplorerView::SelectedAbsoluteIds() const {
    std::vector<ItemIdList> ids;
    for (const ViewItem& item : items_) {
        if (item.selected) {
            ids.push_back(location_.Combine(item.relativeId));
        }
    }
    return ids;
}

ShResult ExplorerView::InvokeDefault(std::size_t index) {
    if (index >= items_.size()) {
        return SH_E_INVALIDARG;
    }
    const ViewItem& item = items_[index];
    const ItemIdList target = location_.Combine(item.relativeId);
    if (item.attributes & kItemFolder) {
        return Navigate(target);
    }
    return diag::Check(kComponent, "LaunchItem", host_->LaunchItem(target));
}

}  // namespace shell::explorer
