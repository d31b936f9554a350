// number_format.cpp - parsing and rendering of number format codes.

#include "oxl/number_format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <stdexcept>

namespace oxl {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

bool is_digit_placeholder(char c) { return c == '0' || c == '#' || c == '?'; }

constexpr std::string_view kColors[] = {"Black", "Blue", "Cyan", "Green", "Magenta", "Red", "White", "Yellow"};

// Splits on ';' outside quotes, brackets and escapes.
std::vector<std::string_view> split_sections(std::string_view code) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    bool quoted = false;
    bool bracket = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '\\' && !quoted) {
            ++i;
        } else if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && c == '[') {
            bracket = true;
        } else if (!quoted && c == ']') {
            bracket = false;
        } else if (!quoted && !bracket && c == ';') {
            out.push_back(code.substr(start, i - start));
            start = i + 1;
        }
    }
    if (quoted) throw std::invalid_argument("unterminated quote in number format");
    out.push_back(code.substr(start));
    return out;
}

}  // namespace

NumberFormat::Section NumberFormat::parse_section(std::string_view text) {
    Section s;
    if (iequals(text, "General")) {
        s.general = true;
        return s;
    }

    bool in_fraction = false;
    auto literal = [&](std::string piece) {
        auto& list = s.has_number ? s.suffix : s.prefix;
        if (!list.empty() && list.back().kind == Element::Kind::Literal) {
            list.back().literal += piece;
        } else {
            list.push_back(Element{Element::Kind::Literal, std::move(piece)});
        }
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';

        if (is_digit_placeholder(c)) {
            s.has_number = true;
            if (in_fraction) {
                if (++s.max_fraction_digits > 30) {
                    throw std::invalid_argument("too many decimal places in number format");
                }
                if (c == '0') ++s.min_fraction_digits;
                if (c == '?') ++s.pad_fraction_digits;
            } else if (c == '0') {
                ++s.min_integer_digits;
            }
            continue;
        }
        switch (c) {
            case '.':
                if (s.has_number || is_digit_placeholder(next)) {
                    s.has_point = true;
                    in_fraction = true;
                    s.has_number = true;
                } else {
                    literal(".");
                }
                break;
            case ',':
                if (s.has_number && !in_fraction) {
                    if (is_digit_placeholder(next)) s.grouping = true;
                    else ++s.scale_thousands;
                } else {
                    literal(",");
                }
                break;
            case '%':
                ++s.percent;
                literal("%");
                break;
            case '@': {
                s.is_text = true;
                auto& list = s.has_number ? s.suffix : s.prefix;
                list.push_back(Element{Element::Kind::Text, {}});
                break;
            }
            case '"': {
                const auto close = text.find('"', i + 1);
                if (close == std::string_view::npos) throw std::invalid_argument("unterminated quote in number format");
                literal(std::string(text.substr(i + 1, close - i - 1)));
                i = close;
                break;
            }
            case '\\':
                if (next == '\0') throw std::invalid_argument("dangling escape in number format");
                literal(std::string(1, next));
                ++i;
                break;
            case '_':
                // "_)" reserves the width of the next character; a space is
                // the closest plain-text equivalent.
                if (next != '\0') ++i;
                literal(" ");
                break;
            case '*':
                if (next != '\0') ++i;  // fill characters need a column width; ignored
                break;
            case '[': {
                const auto close = text.find(']', i);
                if (close == std::string_view::npos) throw std::invalid_argument("unterminated '[' in number format");
                const std::string_view name = text.substr(i + 1, close - i - 1);
                bool known = false;
                for (std::string_view color : kColors) {
                    if (iequals(name, color)) {
                        s.color = std::string(color);
                        known = true;
                    }
                }
                if (!known) throw std::invalid_argument("unsupported format condition [" + std::string(name) + "]");
                i = close;
                break;
            }
            case '$': case '-': case '+': case '(': case ')': case ':': case '/': case ' ':
                literal(std::string(1, c));
                break;
            default:
                throw std::invalid_argument(std::string("unsupported character '") + c + "' in number format");
        }
    }
    return s;
}

NumberFormat NumberFormat::parse(std::string_view code) {
    NumberFormat f;
    f.code_ = code.empty() ? "General" : std::string(code);
    if (code.empty() || iequals(code, "General")) return f;

    const auto parts = split_sections(code);
    if (parts.size() > 4) throw std::invalid_argument("a number format has at most four sections");
    for (std::string_view part : parts) f.sections_.push_back(parse_section(part));
    return f;
}

const NumberFormat::Section* NumberFormat::section_for(const Value& value, bool& drop_sign) const {
    drop_sign = false;
    if (sections_.empty()) return nullptr;

    if (value.is_text()) {
        if (sections_.size() >= 4) return &sections_[3];
        return sections_[0].is_text ? &sections_[0] : nullptr;
    }
    if (!value.is_number()) return nullptr;

    const double n = value.as_number();
    const std::size_t numeric = std::min<std::size_t>(sections_.size(), 3);
    if (n < 0 && numeric >= 2) {
        drop_sign = true;  // the negative section spells its own sign
        return &sections_[1];
    }
    if (n == 0 && numeric >= 3) return &sections_[2];
    return &sections_[0];
}

std::string NumberFormat::render_number(const Section& s, double n, bool drop_sign) const {
    if (s.general) {
        return format_general(drop_sign ? std::fabs(n) : n);
    }

    for (int i = 0; i < s.percent; ++i) n *= 100.0;
    for (int i = 0; i < s.scale_thousands; ++i) n /= 1000.0;

    std::string out;
    for (const Element& e : s.prefix) out += e.literal;
    if (!s.has_number) {
        for (const Element& e : s.suffix) out += e.literal;
        return out;
    }

    const bool negative = n < 0 && !drop_sign;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", s.max_fraction_digits, std::fabs(n));
    std::string digits(buf);

    std::string integer = digits;
    std::string fraction;
    if (const auto dot = digits.find('.'); dot != std::string::npos) {
        integer = digits.substr(0, dot);
        fraction = digits.substr(dot + 1);
    }

    // Optional fraction digits ('#', '?') drop trailing zeros; '?' keeps the
    // column aligned with spaces.
    std::size_t keep = fraction.size();
    while (keep > static_cast<std::size_t>(s.min_fraction_digits) && fraction[keep - 1] == '0') --keep;
    const std::size_t padded = std::min(fraction.size(), keep + static_cast<std::size_t>(s.pad_fraction_digits));
    fraction = fraction.substr(0, keep) + std::string(padded - keep, ' ');

    if (integer == "0" && s.min_integer_digits == 0) integer.clear();
    while (integer.size() < static_cast<std::size_t>(s.min_integer_digits)) integer.insert(0, 1, '0');

    if (s.grouping && integer.size() > 3) {
        for (std::ptrdiff_t pos = static_cast<std::ptrdiff_t>(integer.size()) - 3; pos > 0; pos -= 3) {
            integer.insert(static_cast<std::size_t>(pos), 1, ',');
        }
    }

    std::string number = integer;
    if (s.has_point) number += "." + fraction;

    // A value that rounds to zero is not shown as "-0.00".
    const bool all_zero = number.find_first_of("123456789") == std::string::npos;
    if (negative && !all_zero) out.insert(0, 1, '-');
    out += number;
    for (const Element& e : s.suffix) out += e.literal;
    return out;
}

std::string NumberFormat::format(const Value& value) const {
    switch (value.kind()) {
        case Value::Kind::Empty: return {};
        case Value::Kind::Boolean:
        case Value::Kind::Error: return value.to_display_string();
        case Value::Kind::Text: {
            bool unused = false;
            const Section* s = section_for(value, unused);
            if (!s) return value.as_text();
            std::string out;
            for (const auto* list : {&s->prefix, &s->suffix}) {
                for (const Element& e : *list) {
                    out += e.kind == Element::Kind::Text ? value.as_text() : e.literal;
                }
            }
            return out;
        }
        case Value::Kind::Number: {
            bool drop_sign = false;
            const Section* s = section_for(value, drop_sign);
            if (!s) return format_general(value.as_number());
            return render_number(*s, value.as_number(), drop_sign);
        }
    }
    return {};
}

std::string NumberFormat::color_for(const Value& value) const {
    bool unused = false;
    const Section* s = section_for(value, unused);
    return s ? s->color : std::string();
}

}  // namespace oxl
