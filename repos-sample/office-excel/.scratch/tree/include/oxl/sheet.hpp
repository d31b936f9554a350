// sheet.hpp - sparse cell storage for one worksheet.
#pragma once

#include "oxl/address.hpp"
#include "oxl/value.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

namespace oxl {

class Formula;

struct Cell {
    Value value;                             // literal, or last computed result
    std::shared_ptr<const Formula> formula;  // null for constants
    std::uint16_t format_id = 0;             // index into the workbook format table

    bool has_formula() const noexcept { return formula != nullptr; }
};

// Cells live in fixed-size blocks keyed by block coordinate. A real sheet
// touches a tiny fraction of the 1M x 16K grid, and populated cells cluster
// (tables, columns of figures), so blocks keep neighbours together without
// paying for empty regions. A block is freed when its last cell is cleared.
class Sheet {
public:
    static constexpr std::uint32_t kBlockRows = 32;
    static constexpr std::uint32_t kBlockCols = 8;
    static constexpr std::size_t kBlockSize = kBlockRows * kBlockCols;

    using Visitor = std::function<void(CellAddress, const Cell&)>;

    explicit Sheet(std::string name);

    const std::string& name() const noexcept { return name_; }
    void rename(std::string name);

    // nullptr when the cell has never been written (or has been cleared).
    const Cell* find(CellAddress addr) const;

    // Returns the cell, creating it (and its block) on first access.
    Cell& at(CellAddress addr);

    // Removes the cell. Returns false if it did not exist.
    bool clear(CellAddress addr);

    // Value of the cell, Empty for missing cells.
    Value value(CellAddress addr) const;

    // Visits populated cells. Within a block the order is row-major; the
    // order between blocks is unspecified.
    void for_each(const Visitor& fn) const;
    void for_each_in(const CellRange& range, const Visitor& fn) const;

    std::size_t cell_count() const noexcept { return cell_count_; }
    std::size_t block_count() const noexcept { return blocks_.size(); }

    // Smallest range covering every populated cell; nullopt for an empty sheet.
    std::optional<CellRange> used_range() const;

private:
    struct Block {
        std::array<Cell, kBlockSize> cells;
        std::array<std::uint64_t, kBlockSize / 64> occupied{};
        std::uint16_t live = 0;

        bool test(std::size_t i) const noexcept { return (occupied[i / 64] >> (i % 64)) & 1u; }
        void set(std::size_t i) noexcept { occupied[i / 64] |= std::uint64_t{1} << (i % 64); }
        void reset(std::size_t i) noexcept { occupied[i / 64] &= ~(std::uint64_t{1} << (i % 64)); }
    };

    static std::uint64_t block_key(CellAddress a) noexcept;
    static std::size_t slot(CellAddress a) noexcept;
    static CellAddress address_of(std::uint64_t key, std::size_t slot) noexcept;

    std::string name_;
    std::unordered_map<std::uint64_t, std::unique_ptr<Block>> blocks_;
    std::size_t cell_count_ = 0;
};

}  // namespace oxl
