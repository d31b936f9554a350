// PinnedTiles.cpp - placement of pinned tiles on the start menu grid.
//
// The grid is a fixed number of columns wide and grows downwards. Tiles
// never overlap; operations that would cause an overlap fail and leave the
// grid unchanged, and the view is expected to offer the user a different
// drop position.

#include <algorithm>

#include "shell/StartMenu.hpp"

namespace shell::startmenu {

PinnedTileGrid::PinnedTileGrid(int columns) : columns_(std::max(columns, WidthOf(TileSize::Wide))) {}

int PinnedTileGrid::WidthOf(TileSize size) noexcept {
    switch (size) {
    case TileSize::Small: return 1;
    case TileSize::Medium: return 2;
    case TileSize::Wide: return 4;
    }
    return 1;
}

int PinnedTileGrid::HeightOf(TileSize size) noexcept {
    return size == TileSize::Small ? 1 : 2;
}

PinnedTile* PinnedTileGrid::Find(std::wstring_view entryId) noexcept {
    for (PinnedTile& tile : tiles_) {
        if (tile.entryId == entryId) {
            return &tile;
        }
    }
    return nullptr;
}

bool PinnedTileGrid::IsPinned(std::wstring_view entryId) const noexcept {
    return std::any_of(tiles_.begin(), tiles_.end(),
                       [&](const PinnedTile& t) { return t.entryId == entryId; });
}

bool PinnedTileGrid::Fits(int row, int column, TileSize size,
                          std::wstring_view ignoreId) const noexcept {
    const int width = WidthOf(size);
    const int height = HeightOf(size);
    if (row < 0 || column < 0 || column + width > columns_ || row + height > kMaxRows) {
        return false;
    }
    for (const PinnedTile& other : tiles_) {
        if (other.entryId == ignoreId) {
            continue;
        }
        const bool separateColumns =
            column + width <= other.column || other.column + WidthOf(other.size) <= column;
        const bool separateRows =
            row + height <= other.row || other.row + HeightOf(other.size) <= row;
        if (!separateColumns && !separateRows) {
            return false;
        }
    }
    return true;
}

bool PinnedTileGrid::FindFreeSlot(TileSize size, int* row, int* column) const noexcept {
    for (int r = 0; r < kMaxRows; ++r) {
        for (int c = 0; c < columns_; ++c) {
            if (Fits(r, c, size, {})) {
                *row = r;
                *column = c;
                return true;
            }
        }
    }
    return false;
}

ShResult PinnedTileGrid::Pin(const std::wstring& entryId, TileSize size) {
    if (entryId.empty()) {
        return SH_E_INVALIDARG;
    }
    if (IsPinned(entryId)) {
        return SH_E_ALREADYEXISTS;
    }
    int row = 0;
    int column = 0;
    if (!FindFreeSlot(size, &row, &column)) {
        return SH_E_OUTOFMEMORY;  // the grid is full
    }
    try {
        tiles_.push_back(PinnedTile{entryId, size, row, column});
    } catch (...) {
        return ResultFromCurrentException();
    }
    return SH_OK;
}

bool PinnedTileGrid::Unpin(std::wstring_view entryId) {
    const auto it = std::find_if(tiles_.begin(), tiles_.end(),
                                 [&](const PinnedTile& t) { return t.entryId == entryId; });
    if (it == tiles_.end()) {
        return false;
    }
    tiles_.erase(it);
    return true;
}

ShResult PinnedTileGrid::Move(std::wstring_view entryId, int row, int column) {
    PinnedTile* tile = Find(entryId);
    if (tile == nullptr) {
        return SH_E_NOTFOUND;
    }
    if (!Fits(row, column, tile->size, entryId)) {
        return SH_E_INVALIDARG;
    }
    tile->row = row;
    tile->column = column;
    return SH_OK;
}

ShResult PinnedTileGrid::Resize(std::wstring_view entryId, TileSize size) {
    PinnedTile* tile = Find(entryId);
    if (tile == nullptr) {
        return SH_E_NOTFOUND;
    }
    if (tile->size == size) {
        return SH_FALSE;
    }
    // Grow in place when there is room; otherwise keep the top-left corner
    // and pull the tile left until it fits within the row.
    int column = tile->column;
    while (column > 0 && column + WidthOf(size) > columns_) {
        --column;
    }
    if (!Fits(tile->row, column, size, entryId)) {
        return SH_E_INVALIDARG;
    }
    tile->size = size;
    tile->column = column;
    return SH_OK;
}

}  // namespace shell::startmenu
