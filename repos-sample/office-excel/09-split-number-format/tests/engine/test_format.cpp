// test_format.cpp - number format codes.

#include "check.hpp"

#include "oxl/number_format.hpp"

#include <stdexcept>
#include <string>

using namespace oxl;

namespace {

std::string fmt(const char* code, double n) {
    return NumberFormat::parse(code).format(Value::number(n));
}

}  // namespace

OXL_TEST(general_and_empty_codes) {
    CHECK(NumberFormat::parse("").is_general());
    CHECK(NumberFormat::parse("general").is_general());
    CHECK_EQ(fmt("General", 0.1 + 0.2), std::string("0.3"));
    CHECK_EQ(fmt("General", 1234567890123.0), std::string("1.23457E+12"));
    CHECK_EQ(NumberFormat::parse("0.00").format(Value::text("n/a")), std::string("n/a"));
    CHECK_EQ(NumberFormat::parse("0.00").format(Value::boolean(true)), std::string("TRUE"));
}

OXL_TEST(digit_placeholders_and_grouping) {
    CHECK_EQ(fmt("0", 7.5), std::string("8"));
    CHECK_EQ(fmt("000", 7), std::string("007"));
    CHECK_EQ(fmt("#.##", 0.5), std::string(".5"));
    CHECK_EQ(fmt("0.0#", 2), std::string("2.0"));
    CHECK_EQ(fmt("0.0?", 2), std::string("2.0 "));
    CHECK_EQ(fmt("#,##0", 1234567.4), std::string("1,234,567"));
    CHECK_EQ(fmt("#,##0.00", -0.001), std::string("0.00"));  // no "-0.00"
    CHECK_EQ(fmt("#,##0,\"k\"", 1234567), std::string("1,235k"));
}

OXL_TEST(rendering_rounds_half_away_from_zero) {
    CHECK_EQ(fmt("0.00", 2.675), std::string("2.68"));
    CHECK_EQ(fmt("0.00", -2.675), std::string("-2.68"));
    CHECK_EQ(fmt("0", 0.5), std::string("1"));
    CHECK_EQ(fmt("0", 2.5), std::string("3"));
    CHECK_EQ(fmt("0.0%", 0.0425), std::string("4.3%"));
}

OXL_TEST(sections_literals_and_colours) {
    const auto f = NumberFormat::parse("$#,##0.00_);[Red]($#,##0.00);\"-\";\"Note: \"@");
    CHECK_EQ(f.format(Value::number(1234.5)), std::string("$1,234.50 "));
    CHECK_EQ(f.format(Value::number(-1234.5)), std::string("($1,234.50)"));
    CHECK_EQ(f.format(Value::number(0)), std::string("-"));
    CHECK_EQ(f.format(Value::text("pending")), std::string("Note: pending"));
    CHECK_EQ(f.color_for(Value::number(-1)), std::string("Red"));
    CHECK_EQ(f.color_for(Value::number(1)), std::string());
}

OXL_TEST(date_codes) {
    const double new_year = 45658.0;  // 2025-01-01, a Wednesday
    CHECK_EQ(fmt("yyyy-mm-dd", new_year), std::string("2025-01-01"));
    CHECK_EQ(fmt("d mmm yy", new_year + 44), std::string("14 Feb 25"));
    CHECK_EQ(fmt("dddd, mmmm d", new_year), std::string("Wednesday, January 1"));
    CHECK_EQ(fmt("ddd mmmmm", new_year + 60), std::string("Sun M"));
    CHECK_EQ(fmt("m/d/yyyy", new_year + 200), std::string("7/20/2025"));
}

OXL_TEST(time_codes_and_minute_disambiguation) {
    const double evening = 45658.0 + 18.5 / 24 + 7.0 / 86400;  // 18:30:07
    CHECK_EQ(fmt("hh:mm", evening), std::string("18:30"));
    CHECK_EQ(fmt("h:mm:ss AM/PM", evening), std::string("6:30:07 PM"));
    CHECK_EQ(fmt("h A/P", 45658.25), std::string("6 A"));
    CHECK_EQ(fmt("mm:ss", evening), std::string("30:07"));     // minutes before seconds
    CHECK_EQ(fmt("yyyy-mm-dd hh:mm", evening), std::string("2025-01-01 18:30"));
    CHECK_EQ(fmt("hh:mm", 45659.0 - 1e-9), std::string("00:00"));  // rounds into the next day
    CHECK_EQ(fmt("h AM/PM", 45658.0), std::string("12 AM"));
}

OXL_TEST(out_of_range_dates_show_hashes) {
    CHECK_EQ(fmt("yyyy-mm-dd", -1), std::string("#####"));
    CHECK_EQ(fmt("yyyy-mm-dd", 3e6), std::string("#####"));
}

OXL_TEST(malformed_codes_are_rejected) {
    CHECK_THROWS(NumberFormat::parse("0.00\""), std::invalid_argument);
    CHECK_THROWS(NumberFormat::parse("[>100]0"), std::invalid_argument);
    CHECK_THROWS(NumberFormat::parse("0;0;0;@;0"), std::invalid_argument);
    CHECK_THROWS(NumberFormat::parse("0.00 yyyy"), std::invalid_argument);
    CHECK_THROWS(NumberFormat::parse("0.00E+00"), std::invalid_argument);
    CHECK_THROWS(NumberFormat::parse("0\\"), std::invalid_argument);
}
