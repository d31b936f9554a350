// ExplorerView.hpp - the item view model behind an explorer window.
//
// The view owns the listing of one folder, the selection, the sort order and
// the back/forward history. Rendering, keyboard handling and drag and drop
// live in the window layer, which talks to the model only through this class
// and IExplorerViewHost.

#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "shell/ItemId.h"
#include "shell/ShellFolder.h"

namespace shell::explorer {

struct ViewItem {
    ItemIdList relativeId;
    std::wstring displayName;
    std::uint32_t attributes = 0;
    bool selected = false;
};

enum class SelectMode {
    Replace,  // plain click
    Toggle,   // ctrl+click
    Extend,   // shift+click: range from the anchor
};

class IExplorerViewHost {
public:
    virtual ~IExplorerViewHost() = default;

    // Binds an absolute id to its folder. The host owns the desktop root.
    virtual ShResult BindFolder(const ItemIdList& absolute, IShellFolderNode** folder) = 0;

    // Opens a non-folder item with its default handler.
    virtual ShResult LaunchItem(const ItemIdList& absolute) = 0;

    // Items, selection or location changed; repaint.
    virtual void OnViewChanged() = 0;
};

class ExplorerView {
public:
    static constexpr std::size_t kMaxHistory = 50;

    explicit ExplorerView(IExplorerViewHost* host);

    ShResult Navigate(const ItemIdList& absolute);
    ShResult GoBack();
    ShResult GoForward();
    ShResult GoUp();
    ShResult Refresh();

    bool CanGoBack() const noexcept { return !back_.empty(); }
    bool CanGoForward() const noexcept { return !forward_.empty(); }

    void SetSort(SortColumn column, bool descending);
    ShResult SetShowHidden(bool show);

    void Select(std::size_t index, SelectMode mode);
    void ClearSelection();
    std::vector<ItemIdList> SelectedAbsoluteIds() const;

    // Double-click or Enter: navigate into folders, launch everything else.
    ShResult InvokeDefault(std::size_t index);

    const std::vector<ViewItem>& Items() const noexcept { return items_; }
    const ItemIdList& Location() const noexcept { return location_; }

private:
    static constexpr std::size_t kNoAnchor = static_cast<std::size_t>(-1);

    ShResult Load(const ItemIdList& absolute, std::vector<ItemIdList> keepSelected);
    void Sort();
    void PushHistory(std::deque<ItemIdList>& stack, const ItemIdList& location);

    IExplorerViewHost* host_;
    ComRef<IShellFolderNode> folder_;
    ItemIdList location_;
    std::vector<ViewItem> items_;
    std::deque<ItemIdList> back_;
    std::deque<ItemIdList> forward_;
    SortColumn sortColumn_ = SortColumn::Name;
    bool sortDescending_ = false;
    bool showHidden_ = false;
    bool loaded_ = false;
    std::size_t anchor_ = kNoAnchor;
};

}  // namespace shell::explorer
