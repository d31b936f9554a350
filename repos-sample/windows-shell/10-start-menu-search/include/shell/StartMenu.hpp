// StartMenu.hpp - start menu model: the app list and the pinned tile grid.

#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shell/ShellCore.h"

namespace shell::startmenu {

struct SearchMatch;  // StartSearch.hpp

struct StartEntry {
    std::wstring id;           // stable app id, e.g. "Vendor.Terminal"
    std::wstring displayName;  // localised
    std::wstring target;       // executable or document to launch
    std::wstring arguments;
    std::wstring iconRef;      // "path,index"
    std::uint32_t launchCount = 0;
    std::uint64_t lastLaunchTick = 0;
};

// Tile footprints in grid cells: Small 1x1, Medium 2x2, Wide 4x2.
enum class TileSize { Small, Medium, Wide };

struct PinnedTile {
    std::wstring entryId;
    TileSize size = TileSize::Medium;
    int row = 0;
    int column = 0;
};

class PinnedTileGrid {
public:
    static constexpr int kMaxRows = 64;

    explicit PinnedTileGrid(int columns);

    int Columns() const noexcept { return columns_; }

    // Places a new tile in the first free slot, scanning row by row.
    ShResult Pin(const std::wstring& entryId, TileSize size);
    bool Unpin(std::wstring_view entryId);
    ShResult Move(std::wstring_view entryId, int row, int column);
    ShResult Resize(std::wstring_view entryId, TileSize size);

    bool IsPinned(std::wstring_view entryId) const noexcept;
    const std::vector<PinnedTile>& Tiles() const noexcept { return tiles_; }

    static int WidthOf(TileSize size) noexcept;
    static int HeightOf(TileSize size) noexcept;

private:
    bool Fits(int row, int column, TileSize size, std::wstring_view ignoreId) const noexcept;
    bool FindFreeSlot(TileSize size, int* row, int* column) const noexcept;
    PinnedTile* Find(std::wstring_view entryId) noexcept;

    int columns_;
    std::vector<PinnedTile> tiles_;
};

struct LetterGroup {
    wchar_t letter = L'#';  // '#' collects names that do not start with a letter
    std::vector<const StartEntry*> entries;
};

class StartMenu {
public:
    static constexpr int kDefaultColumns = 6;
    static constexpr std::size_t kMaxSearchResults = 12;

    StartMenu();

    // Adds an entry or refreshes an existing one (same id) from a newer
    // install, keeping its usage counters.
    ShResult RegisterEntry(StartEntry entry);

    // Removes the entry and any tile pinned for it.
    bool RemoveEntry(const std::wstring& id);

    const StartEntry* FindEntry(const std::wstring& id) const;

    // "All apps": sorted by name, grouped by initial letter.
    std::vector<LetterGroup> AllApps() const;

    // Most frequently launched entries, most recent first among equals.
    std::vector<const StartEntry*> MostUsed(std::size_t maxCount) const;

    ShResult RecordLaunch(const std::wstring& id, std::uint64_t tick);

    // Type-to-search from the start menu box. Include StartSearch.hpp to
    // use the result.
    std::vector<SearchMatch> Search(std::wstring_view query,
                                    std::size_t maxResults = kMaxSearchResults) const;

    PinnedTileGrid& Pins() noexcept { return pins_; }
    const PinnedTileGrid& Pins() const noexcept { return pins_; }

private:
    std::unordered_map<std::wstring, StartEntry> entries_;
    PinnedTileGrid pins_;
};

}  // namespace shell::startmenu
