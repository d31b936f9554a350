// evaluator.cpp - tree-walking evaluation of compiled formulas.

#include "oxl/formula.hpp"
#include "oxl/functions.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace oxl {

namespace {

int compare_text(const std::string& a, const std::string& b) {
    // Case-insensitive, byte-wise for non-ASCII. Good enough for the en-US
    // collation the engine ships with.
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        const int ca = std::tolower(static_cast<unsigned char>(a[i]));
        const int cb = std::tolower(static_cast<unsigned char>(b[i]));
        if (ca != cb) return ca < cb ? -1 : 1;
    }
    if (a.size() == b.size()) return 0;
    return a.size() < b.size() ? -1 : 1;
}

// Rank of a type in mixed comparisons: numbers < text < booleans.
int type_rank(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Number: return 0;
        case Value::Kind::Text: return 1;
        case Value::Kind::Boolean: return 2;
        default: return 0;
    }
}

// An empty cell compares as the "zero" of the other operand's type.
Value empty_as(const Value& other) {
    switch (other.kind()) {
        case Value::Kind::Text: return Value::text({});
        case Value::Kind::Boolean: return Value::boolean(false);
        default: return Value::number(0.0);
    }
}

int compare_values(Value a, Value b) {
    if (a.is_empty()) a = empty_as(b);
    if (b.is_empty()) b = empty_as(a);

    const int ra = type_rank(a);
    const int rb = type_rank(b);
    if (ra != rb) return ra < rb ? -1 : 1;

    switch (a.kind()) {
        case Value::Kind::Number:
            if (a.as_number() == b.as_number()) return 0;
            return a.as_number() < b.as_number() ? -1 : 1;
        case Value::Kind::Text: return compare_text(a.as_text(), b.as_text());
        case Value::Kind::Boolean: return static_cast<int>(a.as_boolean()) - static_cast<int>(b.as_boolean());
        default: return 0;
    }
}

Value checked(double n) {
    return std::isfinite(n) ? Value::number(n) : Value::error(ErrorCode::Num);
}

class Evaluator {
public:
    Evaluator(const EvalContext& ctx, const FunctionRegistry& functions)
        : ctx_(ctx), functions_(functions) {}

    Value eval(const Node& node) const {
        switch (node.type) {
            case Node::Type::Literal: return node.literal;
            case Node::Type::Reference: return ctx_.cell_value(node.range.first);
            case Node::Type::Range:
                // A bare range outside a function call would need implicit
                // intersection, which the engine does not implement.
                return Value::error(ErrorCode::Value);
            case Node::Type::Unary: return unary(node);
            case Node::Type::Binary: return binary(node);
            case Node::Type::Call: return call(node);
        }
        return Value::error(ErrorCode::Value);
    }

private:
    Value unary(const Node& node) const {
        const Value operand = eval(*node.children[0]);
        if (node.op == Op::Plus) return operand;

        const auto n = coerce_to_number(operand);
        if (!n) return Value::error(*n.error);
        if (node.op == Op::Negate) return Value::number(-n.value);
        return Value::number(n.value / 100.0);  // Op::Percent
    }

    Value binary(const Node& node) const {
        const Value lhs = eval(*node.children[0]);
        const Value rhs = eval(*node.children[1]);

        // Errors propagate left to right, whatever the operator.
        if (lhs.is_error()) return lhs;
        if (rhs.is_error()) return rhs;

        switch (node.op) {
            case Op::Concat: {
                return Value::text(coerce_to_text(lhs).value + coerce_to_text(rhs).value);
            }
            case Op::Eq: return Value::boolean(compare_values(lhs, rhs) == 0);
            case Op::Ne: return Value::boolean(compare_values(lhs, rhs) != 0);
            case Op::Lt: return Value::boolean(compare_values(lhs, rhs) < 0);
            case Op::Le: return Value::boolean(compare_values(lhs, rhs) <= 0);
            case Op::Gt: return Value::boolean(compare_values(lhs, rhs) > 0);
            case Op::Ge: return Value::boolean(compare_values(lhs, rhs) >= 0);
            default: break;
        }

        const auto a = coerce_to_number(lhs);
        if (!a) return Value::error(*a.error);
        const auto b = coerce_to_number(rhs);
        if (!b) return Value::error(*b.error);

        switch (node.op) {
            case Op::Add: return checked(a.value + b.value);
            case Op::Sub: return checked(a.value - b.value);
            case Op::Mul: return checked(a.value * b.value);
            case Op::Div:
                if (b.value == 0.0) return Value::error(ErrorCode::Div0);
                return checked(a.value / b.value);
            case Op::Pow:
                if (a.value == 0.0 && b.value == 0.0) return Value::error(ErrorCode::Num);
                if (a.value == 0.0 && b.value < 0.0) return Value::error(ErrorCode::Div0);
                return checked(std::pow(a.value, b.value));
            default: return Value::error(ErrorCode::Value);
        }
    }

    Value call(const Node& node) const {
        const FunctionSpec* spec = functions_.find(node.name);
        if (!spec) return Value::error(ErrorCode::Name);

        const std::size_t argc = node.children.size();
        if (argc < spec->min_args || (spec->max_args != kVariadic && argc > spec->max_args)) {
            return Value::error(ErrorCode::Value);
        }

        Arguments args;
        args.reserve(argc);
        for (const auto& child : node.children) {
            // References stay lazy so that functions can see their shape and
            // read only the cells they need.
            if (child->type == Node::Type::Reference || child->type == Node::Type::Range) {
                args.push_back(Argument::range(child->range, ctx_));
            } else {
                args.push_back(Argument::scalar(eval(*child)));
            }
        }
        return spec->impl(args);
    }

    const EvalContext& ctx_;
    const FunctionRegistry& functions_;
};

}  // namespace

Value evaluate(const Node& node, const EvalContext& ctx, const FunctionRegistry& functions) {
    Value result = Evaluator(ctx, functions).eval(node);
    // "=A1" over an empty cell displays 0, not a blank.
    if (result.is_empty()) return Value::number(0.0);
    return result;
}

}  // namespace oxl
