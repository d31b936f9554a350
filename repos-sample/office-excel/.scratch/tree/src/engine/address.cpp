// address.cpp - A1 notation parsing and printing.

#include "oxl/address.hpp"

#include <algorithm>
#include <cctype>

namespace oxl {

std::string column_name(std::uint32_t col) {
    // Bijective base 26: there is no zero digit, so subtract one per step.
    std::string name;
    std::uint32_t n = col + 1;
    while (n > 0) {
        const std::uint32_t rem = (n - 1) % 26;
        name.push_back(static_cast<char>('A' + rem));
        n = (n - 1) / 26;
    }
    std::reverse(name.begin(), name.end());
    return name;
}

std::optional<CellAddress> CellAddress::parse(std::string_view a1) {
    std::size_t i = 0;
    if (i < a1.size() && a1[i] == '$') ++i;

    std::uint64_t col = 0;
    std::size_t letters = 0;
    while (i < a1.size() && std::isalpha(static_cast<unsigned char>(a1[i]))) {
        col = col * 26 + static_cast<std::uint64_t>(std::toupper(static_cast<unsigned char>(a1[i])) - 'A' + 1);
        ++i;
        if (++letters > 3) return std::nullopt;  // "XFD" is the widest column
    }
    if (letters == 0) return std::nullopt;

    if (i < a1.size() && a1[i] == '$') ++i;

    std::uint64_t row = 0;
    std::size_t digits = 0;
    while (i < a1.size() && std::isdigit(static_cast<unsigned char>(a1[i]))) {
        row = row * 10 + static_cast<std::uint64_t>(a1[i] - '0');
        ++i;
        if (++digits > 7) return std::nullopt;
    }
    if (digits == 0 || i != a1.size()) return std::nullopt;
    if (row == 0 || row > kMaxRows || col > kMaxColumns) return std::nullopt;

    return CellAddress{static_cast<std::uint32_t>(row - 1), static_cast<std::uint32_t>(col - 1)};
}

std::string CellAddress::to_a1() const {
    return column_name(col) + std::to_string(row + 1);
}

std::optional<CellRange> CellRange::parse(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) {
        auto a = CellAddress::parse(text);
        if (!a) return std::nullopt;
        return CellRange::single(*a);
    }
    auto a = CellAddress::parse(text.substr(0, colon));
    auto b = CellAddress::parse(text.substr(colon + 1));
    if (!a || !b) return std::nullopt;

    // Users may write the corners in any order; store top-left first.
    CellRange r;
    r.first = CellAddress{std::min(a->row, b->row), std::min(a->col, b->col)};
    r.last = CellAddress{std::max(a->row, b->row), std::max(a->col, b->col)};
    return r;
}

std::string CellRange::to_a1() const {
    if (is_single()) return first.to_a1();
    return first.to_a1() + ":" + last.to_a1();
}

}  // namespace oxl
