// pivot.cpp - grouped summaries of a table.

#include "oxl/pivot.hpp"

#include "oxl/sheet.hpp"
#include "oxl/workbook.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace oxl {

namespace {

struct Accumulator {
    double sum = 0.0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    std::size_t numbers = 0;   // numeric values seen
    std::size_t values = 0;    // non-empty values seen

    void add(const Value& v) {
        if (v.is_empty()) return;
        ++values;
        if (!v.is_number()) return;
        const double n = v.as_number();
        sum += n;
        min = std::min(min, n);
        max = std::max(max, n);
        ++numbers;
    }

    std::optional<double> result(Aggregate a) const {
        if (a == Aggregate::Count) {
            return values == 0 ? std::nullopt : std::optional<double>(static_cast<double>(values));
        }
        if (numbers == 0) return std::nullopt;
        switch (a) {
            case Aggregate::Sum: return sum;
            case Aggregate::Average: return sum / static_cast<double>(numbers);
            case Aggregate::Min: return min;
            case Aggregate::Max: return max;
            case Aggregate::Count: break;
        }
        return std::nullopt;
    }
};

const char* aggregate_name(Aggregate a) {
    switch (a) {
        case Aggregate::Sum: return "Sum";
        case Aggregate::Count: return "Count";
        case Aggregate::Average: return "Average";
        case Aggregate::Min: return "Min";
        case Aggregate::Max: return "Max";
    }
    return "Sum";
}

// Assigns dense indices to labels in first-seen order, case-insensitively.
class LabelIndex {
public:
    std::size_t index_of(const Value& v, std::vector<std::string>& labels) {
        std::string label = v.is_empty() ? std::string("(blank)") : v.to_display_string();
        std::string key = label;
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const auto [it, inserted] = index_.emplace(std::move(key), labels.size());
        if (inserted) labels.push_back(std::move(label));
        return it->second;
    }

private:
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace

PivotTable build_pivot(const Sheet& sheet, const PivotSpec& spec) {
    const CellRange& src = spec.source;
    const std::uint32_t width = src.cols();
    if (spec.row_field >= width || spec.value_field >= width ||
        (spec.column_field && *spec.column_field >= width)) {
        throw std::invalid_argument("pivot field lies outside the source range " + src.to_a1());
    }

    auto cell = [&](std::uint32_t row, std::uint32_t field) {
        return sheet.value(CellAddress{row, src.first.col + field});
    };

    PivotTable table;
    const std::uint32_t first_data_row = src.first.row + (spec.has_header ? 1u : 0u);
    table.row_header = spec.has_header ? cell(src.first.row, spec.row_field).to_display_string() : "Row";
    const std::string value_name =
        spec.has_header ? cell(src.first.row, spec.value_field).to_display_string() : "Value";
    table.value_header = std::string(aggregate_name(spec.aggregate)) + " of " + value_name;

    LabelIndex row_index;
    LabelIndex column_index;
    std::vector<std::vector<Accumulator>> grid;
    std::vector<Accumulator> row_acc;
    std::vector<Accumulator> column_acc(spec.column_field ? 0 : 1);
    Accumulator grand;

    for (std::uint32_t r = first_data_row; r <= src.last.row; ++r) {
        const Value key = cell(r, spec.row_field);
        const Value value = cell(r, spec.value_field);
        if (key.is_empty() && value.is_empty()) continue;  // blank line inside the table

        const std::size_t ri = row_index.index_of(key, table.row_labels);
        std::size_t ci = 0;
        if (spec.column_field) ci = column_index.index_of(cell(r, *spec.column_field), table.column_labels);

        if (ri >= grid.size()) {
            grid.emplace_back();
            row_acc.emplace_back();
        }
        if (ci >= column_acc.size()) column_acc.resize(ci + 1);
        if (ci >= grid[ri].size()) grid[ri].resize(ci + 1);

        grid[ri][ci].add(value);
        row_acc[ri].add(value);
        column_acc[ci].add(value);
        grand.add(value);
        if (!value.is_empty() && !value.is_number()) ++table.skipped_rows;
    }

    const std::size_t columns = spec.column_field ? table.column_labels.size() : 1;
    table.cells.resize(grid.size());
    for (std::size_t r = 0; r < grid.size(); ++r) {
        grid[r].resize(columns);
        table.cells[r].reserve(columns);
        for (const Accumulator& acc : grid[r]) table.cells[r].push_back(acc.result(spec.aggregate));
        table.row_totals.push_back(row_acc[r].result(spec.aggregate));
    }
    for (const Accumulator& acc : column_acc) table.column_totals.push_back(acc.result(spec.aggregate));
    table.grand_total = grand.result(spec.aggregate);
    return table;
}

CellRange write_pivot(const PivotTable& table, Workbook& workbook, std::size_t sheet, CellAddress origin) {
    const bool two_dimensional = !table.column_labels.empty();
    const std::uint32_t cols = two_dimensional ? static_cast<std::uint32_t>(table.column_labels.size()) + 2 : 2;
    const std::uint32_t rows = static_cast<std::uint32_t>(table.row_labels.size()) + 2;
    if (std::uint64_t{origin.row} + rows > kMaxRows || std::uint64_t{origin.col} + cols > kMaxColumns) {
        throw std::out_of_range("pivot output does not fit on the sheet");
    }

    // One recalculation at the end instead of one per written cell; the
    // guard restores the caller's mode even if a write throws.
    struct ModeGuard {
        Workbook& wb;
        CalcMode previous;
        ~ModeGuard() {
            try {
                wb.set_calc_mode(previous);
            } catch (...) {
                // Cells stay dirty; the next recalculation retries.
            }
        }
    } guard{workbook, workbook.calc_mode()};
    workbook.set_calc_mode(CalcMode::Manual);

    auto put = [&](std::uint32_t r, std::uint32_t c, Value v) {
        const CellAddress at{origin.row + r, origin.col + c};
        if (v.is_empty()) workbook.clear(sheet, at);
        else workbook.set_value(sheet, at, std::move(v));
    };
    auto number = [](const std::optional<double>& n) { return n ? Value::number(*n) : Value{}; };

    put(0, 0, Value::text(table.row_header));
    if (two_dimensional) {
        for (std::uint32_t c = 0; c < table.column_labels.size(); ++c) put(0, c + 1, Value::text(table.column_labels[c]));
        put(0, cols - 1, Value::text("Total"));
    } else {
        put(0, 1, Value::text(table.value_header));
    }

    for (std::uint32_t r = 0; r < table.row_labels.size(); ++r) {
        put(r + 1, 0, Value::text(table.row_labels[r]));
        for (std::uint32_t c = 0; c < table.cells[r].size(); ++c) put(r + 1, c + 1, number(table.cells[r][c]));
        if (two_dimensional) put(r + 1, cols - 1, number(table.row_totals[r]));
    }

    put(rows - 1, 0, Value::text("Total"));
    if (two_dimensional) {
        for (std::uint32_t c = 0; c < table.column_totals.size(); ++c) put(rows - 1, c + 1, number(table.column_totals[c]));
    }
    put(rows - 1, cols - 1, number(table.grand_total));
    return CellRange{origin, CellAddress{origin.row + rows - 1, origin.col + cols - 1}};
}

}  // namespace oxl
