// math_functions.cpp - SUM, AVERAGE, MIN, MAX, COUNT, COUNTA, ROUND, ABS,
// INT, MOD, PRODUCT.
//
// Aggregates follow the usual spreadsheet rule: values typed directly as
// arguments are coerced ("=SUM(1,"2")" is 3), while text and booleans found
// inside referenced ranges are skipped. Errors anywhere propagate.

#include "oxl/functions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>

namespace oxl {

namespace {

struct Accumulator {
    double sum = 0.0;
    double product = 1.0;
    double min = std::numeric_limits<double>::infinity();
    double max = -std::numeric_limits<double>::infinity();
    std::size_t count = 0;

    void add(double n) {
        sum += n;
        product *= n;
        min = std::min(min, n);
        max = std::max(max, n);
        ++count;
    }
};

// Folds every numeric argument into an accumulator. Returns the first error
// encountered, if any.
std::optional<ErrorCode> accumulate(const Arguments& args, Accumulator& acc) {
    for (const Argument& arg : args) {
        if (!arg.is_range()) {
            const Value& v = arg.scalar_value();
            if (v.is_empty()) continue;  // omitted argument
            const auto n = coerce_to_number(v);
            if (!n) return n.error;
            acc.add(n.value);
            continue;
        }
        std::optional<ErrorCode> error;
        arg.for_each([&](const Value& v) {
            if (v.is_error()) {
                error = v.as_error();
                return false;
            }
            if (v.is_number()) acc.add(v.as_number());
            return true;
        });
        if (error) return error;
    }
    return std::nullopt;
}

Value finite_or_num(double n) {
    return std::isfinite(n) ? Value::number(n) : Value::error(ErrorCode::Num);
}

Value fn_sum(const Arguments& args) {
    Accumulator acc;
    if (auto e = accumulate(args, acc)) return Value::error(*e);
    return finite_or_num(acc.sum);
}

Value fn_product(const Arguments& args) {
    Accumulator acc;
    if (auto e = accumulate(args, acc)) return Value::error(*e);
    return finite_or_num(acc.count == 0 ? 0.0 : acc.product);
}

Value fn_average(const Arguments& args) {
    Accumulator acc;
    if (auto e = accumulate(args, acc)) return Value::error(*e);
    if (acc.count == 0) return Value::error(ErrorCode::Div0);
    return finite_or_num(acc.sum / static_cast<double>(acc.count));
}

Value fn_min(const Arguments& args) {
    Accumulator acc;
    if (auto e = accumulate(args, acc)) return Value::error(*e);
    return Value::number(acc.count == 0 ? 0.0 : acc.min);
}

Value fn_max(const Arguments& args) {
    Accumulator acc;
    if (auto e = accumulate(args, acc)) return Value::error(*e);
    return Value::number(acc.count == 0 ? 0.0 : acc.max);
}

// COUNT counts numbers and never fails: errors are simply not numbers.
Value fn_count(const Arguments& args) {
    double count = 0;
    for (const Argument& arg : args) {
        if (!arg.is_range()) {
            const Value& v = arg.scalar_value();
            if (v.is_number() || v.is_boolean() || (v.is_text() && coerce_to_number(v))) ++count;
            continue;
        }
        arg.for_each([&](const Value& v) {
            if (v.is_number()) ++count;
            return true;
        });
    }
    return Value::number(count);
}

Value fn_counta(const Arguments& args) {
    double count = 0;
    for (const Argument& arg : args) {
        arg.for_each([&](const Value& v) {
            if (!v.is_empty()) ++count;
            return true;
        });
    }
    return Value::number(count);
}

// Rounds half away from zero, after nudging by a few ulps so that values
// such as 2.675 (stored as 2.67499999...) round the way users expect.
double round_half_away(double n, int digits) {
    // Scale by multiplying for positive digit counts and dividing for
    // negative ones: 10^-2 is not exact in binary, 10^2 is.
    const double factor = std::pow(10.0, std::abs(digits));
    const double scaled = digits >= 0 ? n * factor : n / factor;
    const double nudge = std::fabs(scaled) * 4 * std::numeric_limits<double>::epsilon();
    const double rounded = std::round(scaled + std::copysign(nudge, scaled));
    return digits >= 0 ? rounded / factor : rounded * factor;
}

Value fn_round(const Arguments& args) {
    const auto n = fn::number_arg(args[0]);
    if (!n) return Value::error(*n.error);
    const auto d = fn::number_arg(args[1]);
    if (!d) return Value::error(*d.error);
    if (std::fabs(d.value) > 15) return Value::number(d.value > 0 ? n.value : 0.0);
    return finite_or_num(round_half_away(n.value, static_cast<int>(std::trunc(d.value))));
}

Value fn_abs(const Arguments& args) {
    const auto n = fn::number_arg(args[0]);
    if (!n) return Value::error(*n.error);
    return Value::number(std::fabs(n.value));
}

Value fn_int(const Arguments& args) {
    const auto n = fn::number_arg(args[0]);
    if (!n) return Value::error(*n.error);
    return Value::number(std::floor(n.value));  // INT rounds toward -infinity
}

Value fn_mod(const Arguments& args) {
    const auto n = fn::number_arg(args[0]);
    if (!n) return Value::error(*n.error);
    const auto d = fn::number_arg(args[1]);
    if (!d) return Value::error(*d.error);
    if (d.value == 0.0) return Value::error(ErrorCode::Div0);
    // The result takes the sign of the divisor: MOD(-3, 2) = 1.
    return finite_or_num(n.value - d.value * std::floor(n.value / d.value));
}

}  // namespace

void register_math_functions(FunctionRegistry& r) {
    r.add({"SUM", 1, kVariadic, fn_sum});
    r.add({"PRODUCT", 1, kVariadic, fn_product});
    r.add({"AVERAGE", 1, kVariadic, fn_average});
    r.add({"MIN", 1, kVariadic, fn_min});
    r.add({"MAX", 1, kVariadic, fn_max});
    r.add({"COUNT", 1, kVariadic, fn_count});
    r.add({"COUNTA", 1, kVariadic, fn_counta});
    r.add({"ROUND", 2, 2, fn_round});
    r.add({"ABS", 1, 1, fn_abs});
    r.add({"INT", 1, 1, fn_int});
    r.add({"MOD", 2, 2, fn_mod});
}

}  // namespace oxl
