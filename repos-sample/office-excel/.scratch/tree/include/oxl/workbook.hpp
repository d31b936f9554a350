// workbook.hpp - a set of sheets plus the recalculation machinery.
#pragma once

#include "oxl/address.hpp"
#include "oxl/sheet.hpp"
#include "oxl/value.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace oxl {

class DependencyGraph;
class FunctionRegistry;
class NumberFormat;

struct RecalcStats {
    std::size_t cells_evaluated = 0;
    std::size_t cycles_detected = 0;  // cells set to #CIRC!
};

enum class CalcMode {
    Automatic,  // every edit triggers an incremental recalculation
    Manual,     // edits only mark cells dirty; call recalculate()
};

class Workbook {
public:
    Workbook();
    explicit Workbook(const FunctionRegistry& functions);
    ~Workbook();

    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    // ---- sheets
    // Throws std::invalid_argument if the name is empty or already used
    // (names compare case-insensitively).
    std::size_t add_sheet(std::string name);
    std::size_t sheet_count() const noexcept { return sheets_.size(); }
    std::optional<std::size_t> find_sheet(std::string_view name) const;
    Sheet& sheet(std::size_t index);
    const Sheet& sheet(std::size_t index) const;

    // ---- editing
    // Input beginning with '=' is compiled as a formula (throws
    // FormulaSyntaxError); otherwise it is stored as a number, boolean or
    // text, following parse_literal().
    void set_input(std::size_t sheet, CellAddress addr, std::string_view input);
    void set_value(std::size_t sheet, CellAddress addr, Value value);
    void clear(std::size_t sheet, CellAddress addr);

    // ---- reading
    Value value(std::size_t sheet, CellAddress addr) const;
    // "=SUM(A1:A3)" for formula cells, empty for constants and empty cells.
    std::string formula_text(std::size_t sheet, CellAddress addr) const;
    // Value rendered with the cell's number format.
    std::string display_text(std::size_t sheet, CellAddress addr) const;

    // ---- number formats
    // Returns the id for a format code, registering it on first use.
    std::uint16_t intern_format(std::string_view code);
    void set_format(std::size_t sheet, CellAddress addr, std::string_view code);

    // ---- calculation
    CalcMode calc_mode() const noexcept { return mode_; }
    void set_calc_mode(CalcMode mode);
    bool needs_recalc() const noexcept { return !dirty_.empty(); }

    // Evaluates every formula affected by edits since the last call.
    RecalcStats recalculate();
    // Re-evaluates every formula in the workbook.
    RecalcStats recalculate_all();

private:
    void after_edit(std::size_t sheet, CellAddress addr);
    RecalcStats run(std::vector<std::uint64_t> seeds);
    Sheet& checked_sheet(std::size_t index);
    const Sheet& checked_sheet(std::size_t index) const;

    std::vector<std::unique_ptr<Sheet>> sheets_;
    std::unique_ptr<DependencyGraph> graph_;
    const FunctionRegistry* functions_;
    std::vector<std::unique_ptr<NumberFormat>> formats_;
    std::unordered_set<std::uint64_t> dirty_;  // packed CellKey values
    CalcMode mode_ = CalcMode::Automatic;
};

}  // namespace oxl
