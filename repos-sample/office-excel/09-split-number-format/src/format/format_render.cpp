// format_render.cpp - rendering values with parsed number formats.

#include "oxl/number_format.hpp"

#include "oxl/functions.hpp"  // dates::ymd_from_serial

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <limits>

namespace oxl {

namespace {

constexpr std::string_view kMonthNames[] = {"January", "February", "March", "April", "May", "June",
                                            "July", "August", "September", "October", "November", "December"};
constexpr std::string_view kDayNames[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                          "Thursday", "Friday", "Saturday"};
constexpr long long kMillisPerDay = 86'400'000;

// Same rule as ROUND: half away from zero, after a few-ulp nudge so that
// 2.675 (stored as 2.67499999...) becomes 2.68 as users expect. printf
// rounds the exact binary value instead and would print 2.67.
double round_half_away(double n, int digits) {
    const double factor = std::pow(10.0, digits);
    const double scaled = n * factor;
    if (!std::isfinite(scaled)) return n;
    const double nudge = std::fabs(scaled) * 4 * std::numeric_limits<double>::epsilon();
    return std::round(scaled + std::copysign(nudge, scaled)) / factor;
}

std::string two_digits(int n) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", n);
    return buf;
}

}  // namespace

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
    std::snprintf(buf, sizeof buf, "%.*f", s.max_fraction_digits,
                  round_half_away(std::fabs(n), s.max_fraction_digits));
    const std::string digits(buf);

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

std::string NumberFormat::render_date(const Section& s, double serial) const {
    const auto ymd = dates::ymd_from_serial(serial);
    if (!ymd) return "#####";  // negative or beyond 9999-12-31, as other spreadsheets show it

    // Split the time of day at millisecond resolution, consistently with
    // ymd_from_serial, so 23:59:59.9996 shows as the next day's 00:00:00.
    const long long total_ms = std::llround(serial * static_cast<double>(kMillisPerDay));
    const long long ms = total_ms % kMillisPerDay;
    const long long day_number = total_ms / kMillisPerDay;
    const int hours = static_cast<int>(ms / 3'600'000);
    const int minutes = static_cast<int>(ms / 60'000 % 60);
    const int seconds = static_cast<int>(ms / 1000 % 60);  // truncated, so no carry into minutes
    const int weekday = static_cast<int>((day_number + 6) % 7);  // 0 = Sunday

    using Kind = Element::Kind;
    std::string out;
    for (const Element& e : s.prefix) {
        switch (e.kind) {
            case Kind::Literal: out += e.literal; break;
            case Kind::Text: break;
            case Kind::Year:
                out += e.width <= 2 ? two_digits(ymd->year % 100) : std::to_string(ymd->year);
                break;
            case Kind::Month: {
                const std::string_view name = kMonthNames[ymd->month - 1];
                if (e.width == 1) out += std::to_string(ymd->month);
                else if (e.width == 2) out += two_digits(ymd->month);
                else if (e.width == 3) out += name.substr(0, 3);
                else if (e.width == 4) out += name;
                else out += name.substr(0, 1);
                break;
            }
            case Kind::Day:
                if (e.width == 1) out += std::to_string(ymd->day);
                else if (e.width == 2) out += two_digits(ymd->day);
                else if (e.width == 3) out += kDayNames[weekday].substr(0, 3);
                else out += kDayNames[weekday];
                break;
            case Kind::Hour: {
                int h = hours;
                if (s.twelve_hour) h = (h % 12 == 0) ? 12 : h % 12;
                out += e.width >= 2 ? two_digits(h) : std::to_string(h);
                break;
            }
            case Kind::Minute: out += e.width >= 2 ? two_digits(minutes) : std::to_string(minutes); break;
            case Kind::Second: out += e.width >= 2 ? two_digits(seconds) : std::to_string(seconds); break;
            case Kind::AmPm:
                if (e.width == 5) out += hours < 12 ? "AM" : "PM";
                else out += hours < 12 ? "A" : "P";
                break;
        }
    }
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
                    if (e.kind == Element::Kind::Text) out += value.as_text();
                    else if (e.kind == Element::Kind::Literal) out += e.literal;
                }
            }
            return out;
        }
        case Value::Kind::Number: {
            bool drop_sign = false;
            const Section* s = section_for(value, drop_sign);
            if (!s) return format_general(value.as_number());
            if (s->is_date) return render_date(*s, value.as_number());
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
