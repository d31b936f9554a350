// format_code.cpp - the grammar of number format codes.
//
// Turns "#,##0.00;[Red](#,##0.00)" or "d mmm yyyy h:mm" into Section
// descriptions. Rendering values with them is format_render.cpp's job.

#include "oxl/number_format.hpp"

#include <cctype>
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

    using Kind = Element::Kind;
    bool in_fraction = false;

    auto literal = [&](std::string piece) {
        auto& list = s.has_number ? s.suffix : s.prefix;
        if (!list.empty() && list.back().kind == Kind::Literal) {
            list.back().literal += piece;
        } else {
            list.push_back(Element{Kind::Literal, std::move(piece), 0});
        }
    };
    auto date_part = [&](Kind kind, int width) {
        s.is_date = true;
        s.prefix.push_back(Element{kind, {}, width});
    };

    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const char next = i + 1 < text.size() ? text[i + 1] : '\0';
        const char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));

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

        if (lower == 'y' || lower == 'm' || lower == 'd' || lower == 'h' || lower == 's') {
            std::size_t run = 1;
            while (i + run < text.size() &&
                   std::tolower(static_cast<unsigned char>(text[i + run])) == lower) {
                ++run;
            }
            i += run - 1;
            const int width = static_cast<int>(run);
            switch (lower) {
                case 'y': date_part(Kind::Year, width); break;
                case 'm': date_part(Kind::Month, width); break;  // may become Minute below
                case 'd': date_part(Kind::Day, width); break;
                case 'h': date_part(Kind::Hour, width); break;
                default: date_part(Kind::Second, width); break;
            }
            continue;
        }
        if (lower == 'a') {
            if (iequals(text.substr(i, 5), "AM/PM")) {
                date_part(Kind::AmPm, 5);
                i += 4;
            } else if (iequals(text.substr(i, 3), "A/P")) {
                date_part(Kind::AmPm, 3);
                i += 2;
            } else {
                throw std::invalid_argument("unsupported character 'a' in number format");
            }
            s.twelve_hour = true;
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
                list.push_back(Element{Kind::Text, {}, 0});
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

    if (s.is_date) {
        if (s.has_number || s.is_text || s.percent > 0) {
            throw std::invalid_argument("date codes cannot be combined with number or text placeholders");
        }
        resolve_minutes(s);
    }
    return s;
}

// 'm' is minutes when the nearest date part before it is an hour or the
// nearest one after it is a second ("h:mm", "mm:ss"); months otherwise.
// Month names ("mmm", "mmmm") are never minutes.
void NumberFormat::resolve_minutes(Section& s) {
    using Kind = Element::Kind;
    auto& parts = s.prefix;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (parts[i].kind != Kind::Month || parts[i].width > 2) continue;

        Kind before = Kind::Literal;
        for (std::size_t j = i; j-- > 0;) {
            if (parts[j].kind != Kind::Literal) {
                before = parts[j].kind;
                break;
            }
        }
        Kind after = Kind::Literal;
        for (std::size_t j = i + 1; j < parts.size(); ++j) {
            if (parts[j].kind != Kind::Literal) {
                after = parts[j].kind;
                break;
            }
        }
        if (before == Kind::Hour || after == Kind::Second) parts[i].kind = Kind::Minute;
    }
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

}  // namespace oxl
