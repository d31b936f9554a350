// date_functions.cpp - date serial arithmetic and DATE, YEAR, MONTH, DAY,
// WEEKDAY, EDATE, EOMONTH, DAYS, DATEVALUE.
//
// Dates are plain numbers: the integer part counts days from the 1900 epoch
// and the fraction is the time of day. See dates::serial_from_ymd for the
// epoch and its historical leap-day quirk.

#include "oxl/functions.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace oxl {

namespace {

constexpr double kMillisPerDay = 86400000.0;

// Rounds a serial to a whole millisecond, the resolution at which times are
// displayed. Time arithmetic produces values such as 45659 - 1e-9: shown as
// midnight of 2 Jan, so the date parts must say 2 Jan as well.
double snap_to_millisecond(double serial) {
    return std::round(serial * kMillisPerDay) / kMillisPerDay;
}

// Integer division rounding toward negative infinity.
int floor_div(int a, int b) {
    const int q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace

namespace dates {

namespace {

constexpr long kMaxSerial = 2958465;       // 9999-12-31
constexpr long kPhantomLeapDay = 60;      // 1900-02-29, which never existed

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return (m == 2 && is_leap(y)) ? 29 : kDays[m - 1];
}

// Leap years in [1, y).
long leaps_before(int y) {
    --y;
    return y / 4 - y / 100 + y / 400;
}

// True Gregorian day count from 1900-01-01 (day 0) to the first of y-m.
long days_to_month(int y, int m) {
    long days = 365L * (y - 1900) + leaps_before(y) - leaps_before(1900);
    for (int i = 1; i < m; ++i) days += days_in_month(y, i);
    return days;
}

}  // namespace

std::optional<double> serial_from_ymd(int year, int month, int day) {
    // Two-digit and short years are offsets from 1900, as in DATE(25,1,1).
    if (year >= 0 && year < 1900) year += 1900;

    // Roll months outside 1..12 into adjacent years. Floor division keeps
    // month 0 and negative months in earlier years: DATE(2025,0,15) is
    // 2024-12-15. (Truncating division turned them into #NUM!.)
    const int years_offset = floor_div(month - 1, 12);
    year += years_offset;
    month -= years_offset * 12;
    if (year < 1900 || year > 9999) return std::nullopt;

    // Days outside the month simply count on from its first day.
    long serial = days_to_month(year, month) + (day - 1) + 1;
    if (serial >= kPhantomLeapDay) ++serial;

    if (serial < 0 || serial > kMaxSerial) return std::nullopt;
    return static_cast<double>(serial);
}

std::optional<Ymd> ymd_from_serial(double serial) {
    if (!(serial >= 0.0)) return std::nullopt;
    serial = snap_to_millisecond(serial);
    if (serial > static_cast<double>(kMaxSerial)) return std::nullopt;

    long days = static_cast<long>(std::floor(serial));
    if (days == 0) return Ymd{1900, 1, 0};  // displayed as 1900-01-00
    if (days == kPhantomLeapDay) return Ymd{1900, 2, 29};
    if (days > kPhantomLeapDay) --days;
    --days;  // serial 1 is day 0 of the Gregorian count

    int year = 1900 + static_cast<int>(days / 366);
    while (days_to_month(year + 1, 1) <= days) ++year;
    int month = 1;
    while (month < 12 && days_to_month(year, month + 1) <= days) ++month;
    const int day = static_cast<int>(days - days_to_month(year, month)) + 1;
    return Ymd{year, month, day};
}

}  // namespace dates

namespace {

Value serial_or_num(std::optional<double> serial) {
    return serial ? Value::number(*serial) : Value::error(ErrorCode::Num);
}

// Reads a date argument: a serial number, or ISO text "YYYY-MM-DD".
Coerced<dates::Ymd> date_arg(const Argument& arg) {
    const auto n = fn::number_arg(arg);
    if (n) {
        const auto ymd = dates::ymd_from_serial(n.value);
        if (!ymd) return Coerced<dates::Ymd>::fail(ErrorCode::Num);
        return Coerced<dates::Ymd>::ok(*ymd);
    }
    if (*n.error != ErrorCode::Value) return Coerced<dates::Ymd>::fail(*n.error);

    const auto text = fn::text_arg(arg);
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (!text || std::sscanf(text.value.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
        return Coerced<dates::Ymd>::fail(ErrorCode::Value);
    }
    const auto serial = dates::serial_from_ymd(y, m, d);
    const auto ymd = serial ? dates::ymd_from_serial(*serial) : std::nullopt;
    // Reject text such as 2025-02-30 rather than rolling it into March.
    if (!ymd || ymd->month != m || ymd->day != d) return Coerced<dates::Ymd>::fail(ErrorCode::Value);
    return Coerced<dates::Ymd>::ok(*ymd);
}

Value fn_date(const Arguments& args) {
    int parts[3];
    for (int i = 0; i < 3; ++i) {
        const auto n = fn::number_arg(args[i]);
        if (!n) return Value::error(*n.error);
        if (std::fabs(n.value) > 1e6) return Value::error(ErrorCode::Num);
        parts[i] = static_cast<int>(std::trunc(n.value));
    }
    return serial_or_num(dates::serial_from_ymd(parts[0], parts[1], parts[2]));
}

template <int dates::Ymd::*Field>
Value date_part(const Arguments& args) {
    const auto ymd = date_arg(args[0]);
    if (!ymd) return Value::error(*ymd.error);
    return Value::number(ymd.value.*Field);
}

// WEEKDAY(serial, [type]): type 1 (default) Sunday=1..Saturday=7,
// type 2 Monday=1..Sunday=7, type 3 Monday=0..Sunday=6.
Value fn_weekday(const Arguments& args) {
    const auto n = fn::number_arg(args[0]);
    if (!n) return Value::error(*n.error);
    if (n.value < 0 || n.value > 2958465.0) return Value::error(ErrorCode::Num);
    int type = 1;
    if (args.size() > 1) {
        const auto t = fn::number_arg(args[1]);
        if (!t) return Value::error(*t.error);
        type = static_cast<int>(t.value);
    }
    // Serial 1 (1900-01-01) is reported as a Sunday by the legacy calendar.
    const double day = std::floor(snap_to_millisecond(n.value));
    const long sunday_based = static_cast<long>(day + 6) % 7;  // 0 = Sunday
    switch (type) {
        case 1: return Value::number(static_cast<double>(sunday_based + 1));
        case 2: return Value::number(static_cast<double>((sunday_based + 6) % 7 + 1));
        case 3: return Value::number(static_cast<double>((sunday_based + 6) % 7));
        default: return Value::error(ErrorCode::Num);
    }
}

// Shifts a date by whole months, clamping the day to the target month.
std::optional<double> add_months(const dates::Ymd& start, int months, bool end_of_month) {
    int total = start.year * 12 + (start.month - 1) + months;
    const int year = total / 12;
    const int month = total % 12 + 1;
    const auto first = dates::serial_from_ymd(year, month, 1);
    const auto next = dates::serial_from_ymd(year, month + 1, 1);
    if (!first || !next) return std::nullopt;
    const int length = static_cast<int>(*next - *first);
    const int day = end_of_month ? length : std::min(start.day, length);
    return *first + (day - 1);
}

Value shift_months(const Arguments& args, bool end_of_month) {
    const auto start = date_arg(args[0]);
    if (!start) return Value::error(*start.error);
    const auto months = fn::number_arg(args[1]);
    if (!months) return Value::error(*months.error);
    if (std::fabs(months.value) > 120000) return Value::error(ErrorCode::Num);
    return serial_or_num(add_months(start.value, static_cast<int>(std::trunc(months.value)), end_of_month));
}

Value fn_edate(const Arguments& args) { return shift_months(args, false); }
Value fn_eomonth(const Arguments& args) { return shift_months(args, true); }

Value fn_days(const Arguments& args) {
    const auto end = fn::number_arg(args[0]);
    if (!end) return Value::error(*end.error);
    const auto start = fn::number_arg(args[1]);
    if (!start) return Value::error(*start.error);
    return Value::number(std::floor(snap_to_millisecond(end.value)) -
                         std::floor(snap_to_millisecond(start.value)));
}

Value fn_datevalue(const Arguments& args) {
    if (!args[0].is_range() && !args[0].scalar_value().is_text()) return Value::error(ErrorCode::Value);
    const auto ymd = date_arg(args[0]);
    if (!ymd) return Value::error(*ymd.error);
    return serial_or_num(dates::serial_from_ymd(ymd.value.year, ymd.value.month, ymd.value.day));
}

}  // namespace

void register_date_functions(FunctionRegistry& r) {
    r.add({"DATE", 3, 3, fn_date});
    r.add({"YEAR", 1, 1, date_part<&dates::Ymd::year>});
    r.add({"MONTH", 1, 1, date_part<&dates::Ymd::month>});
    r.add({"DAY", 1, 1, date_part<&dates::Ymd::day>});
    r.add({"WEEKDAY", 1, 2, fn_weekday});
    r.add({"EDATE", 2, 2, fn_edate});
    r.add({"EOMONTH", 2, 2, fn_eomonth});
    r.add({"DAYS", 2, 2, fn_days});
    r.add({"DATEVALUE", 1, 1, fn_datevalue});
}

}  // namespace oxl
