// logical_functions.cpp - IF, AND, OR, NOT, IFERROR, ISBLANK, ISNUMBER,
// ISTEXT, ISERROR.

#include "oxl/functions.hpp"

namespace oxl {

namespace {

// The value an argument contributes when it is returned as a result: a
// single-cell reference yields the cell, a larger range cannot be returned.
Value result_of(const Argument& arg) {
    if (!arg.is_range()) return arg.scalar_value();
    if (arg.range_ref().is_single()) return arg.at(0, 0);
    return Value::error(ErrorCode::Value);
}

Value fn_if(const Arguments& args) {
    const auto cond = fn::boolean_arg(args[0]);
    if (!cond) return Value::error(*cond.error);
    if (cond.value) return result_of(args[1]);
    // IF(cond, x) with a false condition returns FALSE, not an empty value.
    if (args.size() < 3) return Value::boolean(false);
    return result_of(args[2]);
}

// AND/OR consider booleans and numbers; text inside ranges is ignored, and
// an argument list with nothing logical in it is #VALUE!.
template <typename Combine>
Value fold_logical(const Arguments& args, bool start, Combine combine) {
    bool acc = start;
    bool seen = false;
    for (const Argument& arg : args) {
        if (!arg.is_range()) {
            const auto b = coerce_to_boolean(arg.scalar_value());
            if (!b) return Value::error(*b.error);
            acc = combine(acc, b.value);
            seen = true;
            continue;
        }
        std::optional<ErrorCode> error;
        arg.for_each([&](const Value& v) {
            if (v.is_error()) {
                error = v.as_error();
                return false;
            }
            if (v.is_boolean() || v.is_number()) {
                acc = combine(acc, coerce_to_boolean(v).value);
                seen = true;
            }
            return true;
        });
        if (error) return Value::error(*error);
    }
    if (!seen) return Value::error(ErrorCode::Value);
    return Value::boolean(acc);
}

Value fn_and(const Arguments& args) {
    return fold_logical(args, true, [](bool a, bool b) { return a && b; });
}

Value fn_or(const Arguments& args) {
    return fold_logical(args, false, [](bool a, bool b) { return a || b; });
}

Value fn_not(const Arguments& args) {
    const auto b = fn::boolean_arg(args[0]);
    if (!b) return Value::error(*b.error);
    return Value::boolean(!b.value);
}

Value fn_iferror(const Arguments& args) {
    const Value v = result_of(args[0]);
    return v.is_error() ? result_of(args[1]) : v;
}

template <bool (Value::*Test)() const noexcept>
Value is_kind(const Arguments& args) {
    return Value::boolean((result_of(args[0]).*Test)());
}

}  // namespace

void register_logical_functions(FunctionRegistry& r) {
    r.add({"IF", 2, 3, fn_if});
    r.add({"AND", 1, kVariadic, fn_and});
    r.add({"OR", 1, kVariadic, fn_or});
    r.add({"NOT", 1, 1, fn_not});
    r.add({"IFERROR", 2, 2, fn_iferror});
    r.add({"ISBLANK", 1, 1, is_kind<&Value::is_empty>});
    r.add({"ISNUMBER", 1, 1, is_kind<&Value::is_number>});
    r.add({"ISTEXT", 1, 1, is_kind<&Value::is_text>});
    r.add({"ISERROR", 1, 1, is_kind<&Value::is_error>});
}

}  // namespace oxl
