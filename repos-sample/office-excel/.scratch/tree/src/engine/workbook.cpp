// workbook.cpp - editing entry points and the recalculation driver.

#include "oxl/workbook.hpp"

#include "engine/dependency_graph.hpp"
#include "oxl/formula.hpp"
#include "oxl/functions.hpp"
#include "oxl/number_format.hpp"

#include <cctype>
#include <limits>
#include <stdexcept>

namespace oxl {

namespace {

class SheetContext final : public EvalContext {
public:
    explicit SheetContext(const Sheet& sheet) : sheet_(sheet) {}
    Value cell_value(CellAddress addr) const override { return sheet_.value(addr); }

private:
    const Sheet& sheet_;
};

bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) !=
            std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

CellKey key_of(std::size_t sheet, CellAddress addr) {
    return CellKey{static_cast<std::uint32_t>(sheet), addr};
}

}  // namespace

Workbook::Workbook() : Workbook(FunctionRegistry::builtins()) {}

Workbook::Workbook(const FunctionRegistry& functions)
    : graph_(std::make_unique<DependencyGraph>()), functions_(&functions) {
    // Format id 0 is always General, so a default-constructed Cell needs no lookup.
    formats_.push_back(std::make_unique<NumberFormat>(NumberFormat::parse("General")));
}

Workbook::~Workbook() = default;

// ------------------------------------------------------------------ sheets

std::size_t Workbook::add_sheet(std::string name) {
    if (name.empty()) throw std::invalid_argument("sheet name must not be empty");
    if (find_sheet(name)) throw std::invalid_argument("a sheet named '" + name + "' already exists");
    sheets_.push_back(std::make_unique<Sheet>(std::move(name)));
    return sheets_.size() - 1;
}

std::optional<std::size_t> Workbook::find_sheet(std::string_view name) const {
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
        if (same_name(sheets_[i]->name(), name)) return i;
    }
    return std::nullopt;
}

Sheet& Workbook::checked_sheet(std::size_t index) {
    if (index >= sheets_.size()) throw std::out_of_range("sheet index out of range");
    return *sheets_[index];
}

const Sheet& Workbook::checked_sheet(std::size_t index) const {
    if (index >= sheets_.size()) throw std::out_of_range("sheet index out of range");
    return *sheets_[index];
}

Sheet& Workbook::sheet(std::size_t index) { return checked_sheet(index); }
const Sheet& Workbook::sheet(std::size_t index) const { return checked_sheet(index); }

// ----------------------------------------------------------------- editing

void Workbook::set_input(std::size_t sheet, CellAddress addr, std::string_view input) {
    Sheet& s = checked_sheet(sheet);

    if (!input.empty() && input.front() == '=') {
        // Compile first: a syntax error must leave the cell untouched.
        auto formula = Formula::compile(input.substr(1));
        Cell& cell = s.at(addr);
        cell.formula = std::move(formula);
        cell.value = Value{};
        graph_->set_precedents(key_of(sheet, addr), cell.formula->precedents());
        after_edit(sheet, addr);
        return;
    }
    if (input.empty()) {
        clear(sheet, addr);
        return;
    }
    if (auto literal = parse_literal(input)) {
        set_value(sheet, addr, std::move(*literal));
    } else {
        set_value(sheet, addr, Value::text(std::string(input)));
    }
}

void Workbook::set_value(std::size_t sheet, CellAddress addr, Value value) {
    if (value.is_empty()) {
        clear(sheet, addr);
        return;
    }
    Cell& cell = checked_sheet(sheet).at(addr);
    if (cell.formula) {
        cell.formula.reset();
        graph_->remove(key_of(sheet, addr));
    }
    cell.value = std::move(value);
    after_edit(sheet, addr);
}

void Workbook::clear(std::size_t sheet, CellAddress addr) {
    Sheet& s = checked_sheet(sheet);
    graph_->remove(key_of(sheet, addr));
    if (s.clear(addr)) after_edit(sheet, addr);
}

void Workbook::after_edit(std::size_t sheet, CellAddress addr) {
    dirty_.insert(key_of(sheet, addr).pack());
    if (mode_ == CalcMode::Automatic) recalculate();
}

// ----------------------------------------------------------------- reading

Value Workbook::value(std::size_t sheet, CellAddress addr) const {
    return checked_sheet(sheet).value(addr);
}

std::string Workbook::formula_text(std::size_t sheet, CellAddress addr) const {
    const Cell* cell = checked_sheet(sheet).find(addr);
    if (!cell || !cell->formula) return {};
    return "=" + cell->formula->text();
}

std::string Workbook::display_text(std::size_t sheet, CellAddress addr) const {
    const Cell* cell = checked_sheet(sheet).find(addr);
    if (!cell) return {};
    return formats_.at(cell->format_id)->format(cell->value);
}

// ---------------------------------------------------------- number formats

std::uint16_t Workbook::intern_format(std::string_view code) {
    NumberFormat parsed = NumberFormat::parse(code);
    for (std::size_t i = 0; i < formats_.size(); ++i) {
        if (formats_[i]->code() == parsed.code()) return static_cast<std::uint16_t>(i);
    }
    if (formats_.size() > std::numeric_limits<std::uint16_t>::max()) {
        throw std::length_error("too many distinct number formats in one workbook");
    }
    formats_.push_back(std::make_unique<NumberFormat>(std::move(parsed)));
    return static_cast<std::uint16_t>(formats_.size() - 1);
}

void Workbook::set_format(std::size_t sheet, CellAddress addr, std::string_view code) {
    const std::uint16_t id = intern_format(code);
    checked_sheet(sheet).at(addr).format_id = id;
}

// ------------------------------------------------------------- calculation

void Workbook::set_calc_mode(CalcMode mode) {
    mode_ = mode;
    if (mode_ == CalcMode::Automatic && needs_recalc()) recalculate();
}

RecalcStats Workbook::recalculate() {
    std::vector<std::uint64_t> seeds(dirty_.begin(), dirty_.end());
    dirty_.clear();
    return run(std::move(seeds));
}

RecalcStats Workbook::recalculate_all() {
    std::vector<std::uint64_t> seeds;
    for (std::size_t i = 0; i < sheets_.size(); ++i) {
        sheets_[i]->for_each([&](CellAddress a, const Cell& cell) {
            if (cell.has_formula()) seeds.push_back(key_of(i, a).pack());
        });
    }
    dirty_.clear();
    return run(std::move(seeds));
}

RecalcStats Workbook::run(std::vector<std::uint64_t> seeds) {
    RecalcStats stats;
    if (seeds.empty()) return stats;

    std::vector<CellKey> changed;
    changed.reserve(seeds.size());
    for (std::uint64_t packed : seeds) changed.push_back(CellKey::unpack(packed));

    const auto order = graph_->evaluation_order(graph_->affected_by(changed));

    for (const CellKey& k : order.cyclic) {
        Sheet& s = *sheets_[k.sheet];
        if (s.find(k.addr)) s.at(k.addr).value = Value::error(ErrorCode::Circular);
        ++stats.cycles_detected;
    }
    for (const CellKey& k : order.sequence) {
        Sheet& s = *sheets_[k.sheet];
        if (!s.find(k.addr)) continue;
        Cell& cell = s.at(k.addr);
        if (!cell.formula) continue;
        const SheetContext ctx(s);
        cell.value = evaluate(cell.formula->root(), ctx, *functions_);
        ++stats.cells_evaluated;
    }
    return stats;
}

}  // namespace oxl
