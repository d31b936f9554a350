// functions.hpp - built-in function registry and the argument model used by
// function implementations.
#pragma once

#include "oxl/address.hpp"
#include "oxl/value.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace oxl {

class EvalContext;

// An argument as a built-in sees it: either an already evaluated scalar or a
// range that is read lazily through the evaluation context. Keeping ranges
// lazy matters for functions such as VLOOKUP that stop early.
class Argument {
public:
    static Argument scalar(Value v);
    static Argument range(CellRange r, const EvalContext& ctx);

    bool is_range() const noexcept { return ctx_ != nullptr; }
    const Value& scalar_value() const { return value_; }
    const CellRange& range_ref() const { return range_; }

    std::uint32_t rows() const noexcept { return is_range() ? range_.rows() : 1; }
    std::uint32_t cols() const noexcept { return is_range() ? range_.cols() : 1; }

    // Value at an offset inside the range (0,0 for scalars). Offsets outside
    // the range yield #REF!.
    Value at(std::uint32_t row, std::uint32_t col) const;

    // Visits every value, a scalar once, a range row by row including empty
    // cells. Return false from fn to stop early.
    void for_each(const std::function<bool(const Value&)>& fn) const;

private:
    Value value_;
    CellRange range_;
    const EvalContext* ctx_ = nullptr;
};

using Arguments = std::vector<Argument>;
using BuiltinFn = std::function<Value(const Arguments& args)>;

inline constexpr std::size_t kVariadic = 255;

struct FunctionSpec {
    std::string name;              // upper case
    std::size_t min_args = 0;
    std::size_t max_args = 0;      // kVariadic for "any number"
    BuiltinFn impl;
};

class FunctionRegistry {
public:
    // Registry holding every built-in. Constructed on first use, immutable
    // afterwards, safe to share between workbooks and threads.
    static const FunctionRegistry& builtins();

    // Throws std::invalid_argument for an empty or duplicate name.
    void add(FunctionSpec spec);

    // Case-insensitive lookup; nullptr if unknown.
    const FunctionSpec* find(std::string_view name) const;

    std::vector<std::string> names() const;
    std::size_t size() const noexcept { return table_.size(); }

private:
    std::unordered_map<std::string, FunctionSpec> table_;
};

// Registration hooks implemented by each function family.
void register_math_functions(FunctionRegistry& registry);
void register_logical_functions(FunctionRegistry& registry);
void register_date_functions(FunctionRegistry& registry);
void register_lookup_functions(FunctionRegistry& registry);

// Helpers shared by function families.
namespace fn {

// First error found in any argument (ranges included), if any.
std::optional<ErrorCode> first_error(const Arguments& args);

// Coerces a scalar argument to a number. A range argument is only accepted
// when it is a single cell.
Coerced<double> number_arg(const Argument& arg);
Coerced<bool> boolean_arg(const Argument& arg);
Coerced<std::string> text_arg(const Argument& arg);

}  // namespace fn

// Date serial numbers. Serial 1 is 1900-01-01; serial 60 is the fictitious
// 1900-02-29 that legacy workbooks rely on, so serials from 61 onwards are
// one greater than the true day count.
namespace dates {

struct Ymd {
    int year;
    int month;  // 1..12
    int day;    // 1..31
};

// Applies spreadsheet normalisation: months outside 1..12 roll into adjacent
// years and days outside the month roll into adjacent months.
std::optional<double> serial_from_ymd(int year, int month, int day);

std::optional<Ymd> ymd_from_serial(double serial);

}  // namespace dates

}  // namespace oxl
