// value.hpp - the dynamically typed value stored in a cell or produced by a
// formula, plus the coercion rules shared by operators and built-ins.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace oxl {

// Spreadsheet error values. The ordinal is part of the C API and the add-in
// ABI, so new codes must only ever be appended.
enum class ErrorCode : std::uint8_t {
    Null = 0,      // #NULL!   empty intersection
    Div0 = 1,      // #DIV/0!  division by zero
    Value = 2,     // #VALUE!  operand of the wrong type
    Ref = 3,       // #REF!    reference outside the grid
    Name = 4,      // #NAME?   unknown function or name
    Num = 5,       // #NUM!    invalid numeric argument or overflow
    NA = 6,        // #N/A     value not available (lookup miss)
    Circular = 7,  // #CIRC!   cell takes part in a reference cycle
};

std::string_view error_text(ErrorCode code) noexcept;

class Value {
public:
    enum class Kind : std::uint8_t { Empty = 0, Number, Boolean, Text, Error };

    Value() = default;

    static Value number(double n) { Value v; v.data_ = n; return v; }
    static Value boolean(bool b) { Value v; v.data_ = b; return v; }
    static Value text(std::string s) { Value v; v.data_ = std::move(s); return v; }
    static Value error(ErrorCode e) { Value v; v.data_ = e; return v; }

    Kind kind() const noexcept { return static_cast<Kind>(data_.index()); }
    bool is_empty() const noexcept { return kind() == Kind::Empty; }
    bool is_number() const noexcept { return kind() == Kind::Number; }
    bool is_boolean() const noexcept { return kind() == Kind::Boolean; }
    bool is_text() const noexcept { return kind() == Kind::Text; }
    bool is_error() const noexcept { return kind() == Kind::Error; }

    double as_number() const { return std::get<double>(data_); }
    bool as_boolean() const { return std::get<bool>(data_); }
    const std::string& as_text() const { return std::get<std::string>(data_); }
    ErrorCode as_error() const { return std::get<ErrorCode>(data_); }

    // Text shown in a cell with the General format: "TRUE", "#DIV/0!",
    // numbers with up to 15 significant digits.
    std::string to_display_string() const;

    friend bool operator==(const Value& a, const Value& b) { return a.data_ == b.data_; }
    friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

private:
    std::variant<std::monostate, double, bool, std::string, ErrorCode> data_;
};

// Result of a coercion: either a usable payload or the error to propagate.
template <typename T>
struct Coerced {
    T value{};
    std::optional<ErrorCode> error;

    static Coerced ok(T v) { return Coerced{std::move(v), std::nullopt}; }
    static Coerced fail(ErrorCode e) { return Coerced{T{}, e}; }
    explicit operator bool() const noexcept { return !error.has_value(); }
};

// Empty -> 0, booleans -> 0/1, numeric text -> its value, other text ->
// #VALUE!, errors pass through unchanged.
Coerced<double> coerce_to_number(const Value& v);

// Empty -> FALSE, numbers -> non-zero, "TRUE"/"FALSE" text (any case),
// other text -> #VALUE!, errors pass through unchanged.
Coerced<bool> coerce_to_boolean(const Value& v);

// Never fails for non-error values; numbers use the General format.
Coerced<std::string> coerce_to_text(const Value& v);

// Parses user input the way a cell does: numbers (with optional leading sign,
// exponent and trailing %), TRUE/FALSE, otherwise nullopt.
std::optional<Value> parse_literal(std::string_view text);

// General-format rendering of a number (shared with the number formatter).
std::string format_general(double n);

}  // namespace oxl
