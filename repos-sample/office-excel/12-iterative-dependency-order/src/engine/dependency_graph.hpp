// dependency_graph.hpp - which formula cells read which cells.
//
// Private to the engine. See docs/recalculation.md for the design.
#pragma once

#include "oxl/address.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace oxl {

// A cell anywhere in the workbook.
struct CellKey {
    std::uint32_t sheet = 0;
    CellAddress addr;

    // 30 bits of sheet index, 20 bits of row, 14 bits of column.
    std::uint64_t pack() const noexcept {
        return (std::uint64_t{sheet} << 34) | (std::uint64_t{addr.row} << 14) | addr.col;
    }
    static CellKey unpack(std::uint64_t v) noexcept {
        return CellKey{static_cast<std::uint32_t>(v >> 34),
                       CellAddress{static_cast<std::uint32_t>((v >> 14) & 0xFFFFFu),
                                   static_cast<std::uint32_t>(v & 0x3FFFu)}};
    }

    friend bool operator==(const CellKey& a, const CellKey& b) noexcept {
        return a.sheet == b.sheet && a.addr == b.addr;
    }
    friend bool operator!=(const CellKey& a, const CellKey& b) noexcept { return !(a == b); }
};

struct CellKeyHash {
    std::size_t operator()(const CellKey& k) const noexcept {
        return std::hash<std::uint64_t>{}(k.pack());
    }
};

using CellKeySet = std::unordered_set<CellKey, CellKeyHash>;

class DependencyGraph {
public:
    // Columns per band in the range-edge index.
    static constexpr std::uint32_t kBandWidth = 64;
    // Ranges spanning more bands than this go to the per-sheet "wide" list
    // instead of being copied into every band.
    static constexpr std::uint32_t kMaxBandsPerRange = 16;

    // Records `cell` as a formula cell reading `ranges` (on the same sheet),
    // replacing whatever it read before. The list may be empty: "=1+2" is
    // still a formula and still needs evaluating.
    void set_precedents(CellKey cell, const std::vector<CellRange>& ranges);

    // Forgets `cell`; used when a formula is overwritten by a constant.
    void remove(CellKey cell) { unlink(cell); }

    bool has_formula(CellKey cell) const { return precedents_.count(cell) != 0; }

    // Formula cells that read `cell` directly.
    std::vector<CellKey> dependents_of(CellKey cell) const;

    // Formula cells that must be recomputed after `changed` cells were edited:
    // the edited cells that hold formulas plus all transitive dependents.
    std::vector<CellKey> affected_by(const std::vector<CellKey>& changed) const;

    struct Order {
        std::vector<CellKey> sequence;  // evaluate in this order
        std::vector<CellKey> cyclic;    // cells on a reference cycle
    };

    // Orders `cells` so that every cell follows the members it reads. Edges
    // to cells outside the set are ignored: those values are already final.
    // Uses an explicit stack, so chain length is limited only by memory.
    Order evaluation_order(const std::vector<CellKey>& cells) const;

    std::size_t formula_count() const noexcept { return precedents_.size(); }
    std::size_t range_edge_count() const noexcept { return range_edge_count_; }

private:
    struct RangeEdge {
        CellRange range;
        CellKey dependent;
    };
    using EdgeList = std::vector<RangeEdge>;

    void unlink(CellKey cell);
    void add_range_edge(CellKey dependent, const CellRange& range);
    void remove_range_edge(CellKey dependent, const CellRange& range);
    static bool is_wide(const CellRange& range) noexcept;
    static std::uint64_t band_key(std::uint32_t sheet, std::uint32_t band) noexcept {
        return (std::uint64_t{sheet} << 32) | band;
    }

    // Members of `set` that lie inside `range` on `sheet`.
    static void members_in(const CellKeySet& set, std::uint32_t sheet, const CellRange& range,
                           std::vector<CellKey>& out);

    std::unordered_map<CellKey, std::vector<CellRange>, CellKeyHash> precedents_;
    // Reverse index for single-cell references.
    std::unordered_map<CellKey, std::vector<CellKey>, CellKeyHash> cell_dependents_;
    // Reverse index for multi-cell ranges, by (sheet, column band). A range
    // is listed in every band it overlaps.
    std::unordered_map<std::uint64_t, EdgeList> range_bands_;
    // Ranges too wide for banding, by sheet; scanned on every lookup.
    std::unordered_map<std::uint32_t, EdgeList> wide_ranges_;
    std::size_t range_edge_count_ = 0;
};

}  // namespace oxl
