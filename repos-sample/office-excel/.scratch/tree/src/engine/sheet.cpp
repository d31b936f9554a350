// sheet.cpp - block-sparse cell storage.

#include "oxl/sheet.hpp"

#include <algorithm>
#include <stdexcept>

namespace oxl {

namespace {

constexpr std::uint32_t kBlockRowShift = 5;  // 32 rows per block
constexpr std::uint32_t kBlockColShift = 3;  // 8 columns per block

static_assert((1u << kBlockRowShift) == Sheet::kBlockRows, "block row shift mismatch");
static_assert((1u << kBlockColShift) == Sheet::kBlockCols, "block column shift mismatch");

}  // namespace

Sheet::Sheet(std::string name) : name_(std::move(name)) {
    if (name_.empty()) throw std::invalid_argument("sheet name must not be empty");
}

void Sheet::rename(std::string name) {
    if (name.empty()) throw std::invalid_argument("sheet name must not be empty");
    name_ = std::move(name);
}

std::uint64_t Sheet::block_key(CellAddress a) noexcept {
    const std::uint64_t brow = a.row >> kBlockRowShift;
    const std::uint64_t bcol = a.col >> kBlockColShift;
    return (brow << 32) | bcol;
}

std::size_t Sheet::slot(CellAddress a) noexcept {
    return (a.row & (kBlockRows - 1)) * kBlockCols + (a.col & (kBlockCols - 1));
}

CellAddress Sheet::address_of(std::uint64_t key, std::size_t slot) noexcept {
    const auto brow = static_cast<std::uint32_t>(key >> 32);
    const auto bcol = static_cast<std::uint32_t>(key & 0xffffffffu);
    return CellAddress{(brow << kBlockRowShift) + static_cast<std::uint32_t>(slot / kBlockCols),
                       (bcol << kBlockColShift) + static_cast<std::uint32_t>(slot % kBlockCols)};
}

const Cell* Sheet::find(CellAddress addr) const {
    const auto it = blocks_.find(block_key(addr));
    if (it == blocks_.end()) return nullptr;
    const std::size_t i = slot(addr);
    return it->second->test(i) ? &it->second->cells[i] : nullptr;
}

Cell& Sheet::at(CellAddress addr) {
    if (addr.row >= kMaxRows || addr.col >= kMaxColumns) {
        throw std::out_of_range("cell address outside the grid");
    }
    auto& block = blocks_[block_key(addr)];
    if (!block) block = std::make_unique<Block>();
    const std::size_t i = slot(addr);
    if (!block->test(i)) {
        block->set(i);
        ++block->live;
        ++cell_count_;
    }
    return block->cells[i];
}

bool Sheet::clear(CellAddress addr) {
    const auto it = blocks_.find(block_key(addr));
    if (it == blocks_.end()) return false;
    Block& block = *it->second;
    const std::size_t i = slot(addr);
    if (!block.test(i)) return false;

    block.cells[i] = Cell{};
    block.reset(i);
    --block.live;
    --cell_count_;
    if (block.live == 0) blocks_.erase(it);
    return true;
}

Value Sheet::value(CellAddress addr) const {
    const Cell* cell = find(addr);
    return cell ? cell->value : Value{};
}

void Sheet::for_each(const Visitor& fn) const {
    for (const auto& [key, block] : blocks_) {
        for (std::size_t i = 0; i < kBlockSize; ++i) {
            if (block->test(i)) fn(address_of(key, i), block->cells[i]);
        }
    }
}

void Sheet::for_each_in(const CellRange& range, const Visitor& fn) const {
    // For small ranges probing cell by cell is cheaper than walking every
    // block; for large ones walk the blocks and filter.
    if (range.size() <= kBlockSize * 4) {
        for (std::uint32_t r = range.first.row; r <= range.last.row; ++r) {
            for (std::uint32_t c = range.first.col; c <= range.last.col; ++c) {
                const CellAddress a{r, c};
                if (const Cell* cell = find(a)) fn(a, *cell);
            }
        }
        return;
    }
    for (const auto& [key, block] : blocks_) {
        for (std::size_t i = 0; i < kBlockSize; ++i) {
            if (!block->test(i)) continue;
            const CellAddress a = address_of(key, i);
            if (range.contains(a)) fn(a, block->cells[i]);
        }
    }
}

std::optional<CellRange> Sheet::used_range() const {
    if (cell_count_ == 0) return std::nullopt;
    CellRange r{CellAddress{kMaxRows, kMaxColumns}, CellAddress{0, 0}};
    for_each([&r](CellAddress a, const Cell&) {
        r.first.row = std::min(r.first.row, a.row);
        r.first.col = std::min(r.first.col, a.col);
        r.last.row = std::max(r.last.row, a.row);
        r.last.col = std::max(r.last.col, a.col);
    });
    return r;
}

}  // namespace oxl
