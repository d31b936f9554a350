// registry.cpp - function registry, argument access and shared helpers.

#include "oxl/functions.hpp"

#include "oxl/formula.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace oxl {

namespace {

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

FunctionRegistry make_builtins() {
    FunctionRegistry r;
    register_math_functions(r);
    register_logical_functions(r);
    register_date_functions(r);
    register_lookup_functions(r);
    return r;
}

}  // namespace

// ---------------------------------------------------------------- Argument

Argument Argument::scalar(Value v) {
    Argument a;
    a.value_ = std::move(v);
    return a;
}

Argument Argument::range(CellRange r, const EvalContext& ctx) {
    Argument a;
    a.range_ = r;
    a.ctx_ = &ctx;
    return a;
}

Value Argument::at(std::uint32_t row, std::uint32_t col) const {
    if (!is_range()) {
        return (row == 0 && col == 0) ? value_ : Value::error(ErrorCode::Ref);
    }
    if (row >= range_.rows() || col >= range_.cols()) return Value::error(ErrorCode::Ref);
    return ctx_->cell_value(CellAddress{range_.first.row + row, range_.first.col + col});
}

void Argument::for_each(const std::function<bool(const Value&)>& fn) const {
    if (!is_range()) {
        fn(value_);
        return;
    }
    for (std::uint32_t r = range_.first.row; r <= range_.last.row; ++r) {
        for (std::uint32_t c = range_.first.col; c <= range_.last.col; ++c) {
            if (!fn(ctx_->cell_value(CellAddress{r, c}))) return;
        }
    }
}

// -------------------------------------------------------- FunctionRegistry

const FunctionRegistry& FunctionRegistry::builtins() {
    static const FunctionRegistry instance = make_builtins();
    return instance;
}

void FunctionRegistry::add(FunctionSpec spec) {
    if (spec.name.empty()) throw std::invalid_argument("function name must not be empty");
    if (!spec.impl) throw std::invalid_argument("function " + spec.name + " has no implementation");
    spec.name = upper(spec.name);
    const std::string key = spec.name;
    if (!table_.emplace(key, std::move(spec)).second) {
        throw std::invalid_argument("function " + key + " is already registered");
    }
}

const FunctionSpec* FunctionRegistry::find(std::string_view name) const {
    const auto it = table_.find(upper(name));
    return it == table_.end() ? nullptr : &it->second;
}

std::vector<std::string> FunctionRegistry::names() const {
    std::vector<std::string> out;
    out.reserve(table_.size());
    for (const auto& entry : table_) out.push_back(entry.first);
    std::sort(out.begin(), out.end());
    return out;
}

// ----------------------------------------------------------------- helpers

namespace fn {

std::optional<ErrorCode> first_error(const Arguments& args) {
    std::optional<ErrorCode> found;
    for (const Argument& a : args) {
        a.for_each([&](const Value& v) {
            if (v.is_error()) found = v.as_error();
            return !found;
        });
        if (found) break;
    }
    return found;
}

namespace {

// A single-cell range behaves like its value; a larger range where a
// scalar is expected is a type error (no implicit intersection).
std::optional<Value> scalar_of(const Argument& arg) {
    if (!arg.is_range()) return arg.scalar_value();
    if (arg.range_ref().is_single()) return arg.at(0, 0);
    return std::nullopt;
}

}  // namespace

Coerced<double> number_arg(const Argument& arg) {
    const auto v = scalar_of(arg);
    if (!v) return Coerced<double>::fail(ErrorCode::Value);
    return coerce_to_number(*v);
}

Coerced<bool> boolean_arg(const Argument& arg) {
    const auto v = scalar_of(arg);
    if (!v) return Coerced<bool>::fail(ErrorCode::Value);
    return coerce_to_boolean(*v);
}

Coerced<std::string> text_arg(const Argument& arg) {
    const auto v = scalar_of(arg);
    if (!v) return Coerced<std::string>::fail(ErrorCode::Value);
    return coerce_to_text(*v);
}

}  // namespace fn

}  // namespace oxl
