// address.hpp - cell and range coordinates and their A1 spelling.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oxl {

// Grid limits. Indices are zero-based internally; A1 text is one-based.
inline constexpr std::uint32_t kMaxRows = 1'048'576;
inline constexpr std::uint32_t kMaxColumns = 16'384;

struct CellAddress {
    std::uint32_t row = 0;
    std::uint32_t col = 0;

    // "B7" -> {6, 1}. Accepts '$' anchors ("$B$7") and lower-case column
    // letters. Returns nullopt for malformed text or addresses off the grid.
    static std::optional<CellAddress> parse(std::string_view a1);
    std::string to_a1() const;

    friend bool operator==(CellAddress a, CellAddress b) noexcept {
        return a.row == b.row && a.col == b.col;
    }
    friend bool operator!=(CellAddress a, CellAddress b) noexcept { return !(a == b); }
    friend bool operator<(CellAddress a, CellAddress b) noexcept {
        return a.row != b.row ? a.row < b.row : a.col < b.col;
    }
};

struct CellAddressHash {
    std::size_t operator()(CellAddress a) const noexcept {
        // Columns fit in 14 bits, so this is collision-free on 64-bit targets.
        return (static_cast<std::size_t>(a.row) << 14) ^ a.col;
    }
};

// Rectangular block of cells; both corners inclusive, first <= last.
struct CellRange {
    CellAddress first;
    CellAddress last;

    static CellRange single(CellAddress a) noexcept { return CellRange{a, a}; }

    // "A1:C9", "C9:A1" (normalised) or a single cell "B2".
    static std::optional<CellRange> parse(std::string_view text);
    std::string to_a1() const;

    std::uint32_t rows() const noexcept { return last.row - first.row + 1; }
    std::uint32_t cols() const noexcept { return last.col - first.col + 1; }
    std::uint64_t size() const noexcept { return std::uint64_t{rows()} * cols(); }
    bool is_single() const noexcept { return first == last; }

    bool contains(CellAddress a) const noexcept {
        return a.row >= first.row && a.row <= last.row &&
               a.col >= first.col && a.col <= last.col;
    }

    friend bool operator==(const CellRange& a, const CellRange& b) noexcept {
        return a.first == b.first && a.last == b.last;
    }
    friend bool operator!=(const CellRange& a, const CellRange& b) noexcept { return !(a == b); }
};

// 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_name(std::uint32_t col);

}  // namespace oxl
