// value.cpp - display text and coercion rules for cell values.

#include "oxl/value.hpp"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace oxl {

std::string_view error_text(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::Null: return "#NULL!";
        case ErrorCode::Div0: return "#DIV/0!";
        case ErrorCode::Value: return "#VALUE!";
        case ErrorCode::Ref: return "#REF!";
        case ErrorCode::Name: return "#NAME?";
        case ErrorCode::Num: return "#NUM!";
        case ErrorCode::NA: return "#N/A";
        case ErrorCode::Circular: return "#CIRC!";
    }
    return "#VALUE!";
}

std::string format_general(double n) {
    if (n == 0.0) return "0";  // also folds -0
    if (!std::isfinite(n)) return "#NUM!";

    // 15 significant digits, the precision users can type back in. Switch to
    // scientific notation for very large or very small magnitudes.
    char buf[40];
    const double magnitude = std::fabs(n);
    if (magnitude >= 1e11 || magnitude < 1e-9) {
        std::snprintf(buf, sizeof buf, "%.5E", n);
        // Trim "1.50000E+12" to "1.5E+12".
        std::string s(buf);
        const auto e = s.find('E');
        auto end = e;
        while (end > 0 && s[end - 1] == '0') --end;
        if (end > 0 && s[end - 1] == '.') --end;
        return s.substr(0, end) + s.substr(e);
    }
    std::snprintf(buf, sizeof buf, "%.15g", n);
    return buf;
}

std::string Value::to_display_string() const {
    switch (kind()) {
        case Kind::Empty: return {};
        case Kind::Number: return format_general(as_number());
        case Kind::Boolean: return as_boolean() ? "TRUE" : "FALSE";
        case Kind::Text: return as_text();
        case Kind::Error: return std::string(error_text(as_error()));
    }
    return {};
}

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(a[i])) !=
            std::toupper(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;

    bool percent = false;
    if (text.back() == '%') {
        percent = true;
        text.remove_suffix(1);
        text = trim(text);
    }
    // strtod accepts "inf", "nan" and hex floats; a cell must not.
    for (char c : text) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '+' ||
              c == '-' || c == 'e' || c == 'E')) {
            return std::nullopt;
        }
    }
    const std::string buffer(text);
    char* end = nullptr;
    errno = 0;
    const double n = std::strtod(buffer.c_str(), &end);
    if (end != buffer.c_str() + buffer.size() || errno == ERANGE) return std::nullopt;
    return percent ? n / 100.0 : n;
}

}  // namespace

std::optional<Value> parse_literal(std::string_view text) {
    if (auto n = parse_number(text)) return Value::number(*n);
    const auto t = trim(text);
    if (iequals(t, "TRUE")) return Value::boolean(true);
    if (iequals(t, "FALSE")) return Value::boolean(false);
    return std::nullopt;
}

Coerced<double> coerce_to_number(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Empty: return Coerced<double>::ok(0.0);
        case Value::Kind::Number: return Coerced<double>::ok(v.as_number());
        case Value::Kind::Boolean: return Coerced<double>::ok(v.as_boolean() ? 1.0 : 0.0);
        case Value::Kind::Text:
            if (auto n = parse_number(v.as_text())) return Coerced<double>::ok(*n);
            return Coerced<double>::fail(ErrorCode::Value);
        case Value::Kind::Error: return Coerced<double>::fail(v.as_error());
    }
    return Coerced<double>::fail(ErrorCode::Value);
}

Coerced<bool> coerce_to_boolean(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Empty: return Coerced<bool>::ok(false);
        case Value::Kind::Number: return Coerced<bool>::ok(v.as_number() != 0.0);
        case Value::Kind::Boolean: return Coerced<bool>::ok(v.as_boolean());
        case Value::Kind::Text: {
            const auto t = trim(v.as_text());
            if (iequals(t, "TRUE")) return Coerced<bool>::ok(true);
            if (iequals(t, "FALSE")) return Coerced<bool>::ok(false);
            return Coerced<bool>::fail(ErrorCode::Value);
        }
        case Value::Kind::Error: return Coerced<bool>::fail(v.as_error());
    }
    return Coerced<bool>::fail(ErrorCode::Value);
}

Coerced<std::string> coerce_to_text(const Value& v) {
    if (v.is_error()) return Coerced<std::string>::fail(v.as_error());
    return Coerced<std::string>::ok(v.to_display_string());
}

}  // namespace oxl
