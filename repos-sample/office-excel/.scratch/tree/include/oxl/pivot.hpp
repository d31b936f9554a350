// pivot.hpp - grouped summaries of a table ("pivot tables").
#pragma once

#include "oxl/address.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oxl {

class Sheet;
class Workbook;

enum class Aggregate { Sum, Count, Average, Min, Max };

struct PivotSpec {
    CellRange source;                           // the table, header row included if any
    bool has_header = true;
    std::uint32_t row_field = 0;                // column offsets within `source`
    std::optional<std::uint32_t> column_field;  // omit for a one-dimensional summary
    std::uint32_t value_field = 0;
    Aggregate aggregate = Aggregate::Sum;
};

struct PivotTable {
    std::string row_header;                  // header of the row field, or "Row"
    std::string value_header;                // e.g. "Sum of Amount"
    std::vector<std::string> row_labels;     // in first-seen order
    std::vector<std::string> column_labels;  // empty without a column field

    // cells[r][c] aggregates the source rows with row label r and column
    // label c (c is always 0 without a column field). nullopt where nothing
    // contributed, which is different from a sum of zero.
    std::vector<std::vector<std::optional<double>>> cells;
    std::vector<std::optional<double>> row_totals;
    std::vector<std::optional<double>> column_totals;
    std::optional<double> grand_total;

    // Source rows whose value field was not a number. They are ignored by
    // every aggregate except Count.
    std::size_t skipped_rows = 0;
};

// Groups the rows of spec.source. Labels are compared case-insensitively and
// keep the spelling of their first occurrence; empty cells group under
// "(blank)". Totals are computed from the source rows, so the total of an
// Average is the overall average, not the average of the averages.
// Throws std::invalid_argument if a field lies outside the source range.
PivotTable build_pivot(const Sheet& sheet, const PivotSpec& spec);

// Writes the table as plain values with its top-left corner at `origin`: a
// header row, one row per label, then a "Total" row (and a "Total" column
// when there is a column field). Returns the range written.
CellRange write_pivot(const PivotTable& table, Workbook& workbook, std::size_t sheet,
                      CellAddress origin);

}  // namespace oxl
