// test_functions.cpp - built-in functions.

#include "check.hpp"
#include "sheet_fixture.hpp"

#include "oxl/functions.hpp"

using namespace oxl;
using oxl::test::SheetFixture;

namespace {

// A small column of mixed values used by the aggregate tests:
// A1..A5 = 10, "n/a", TRUE, (empty), 2.5
void fill_mixed_column(SheetFixture& s) {
    s.set("A1", "10");
    s.set("A2", "n/a");
    s.set("A3", "TRUE");
    s.set("A5", "2.5");
}

}  // namespace

OXL_TEST(registry_lookup_is_case_insensitive) {
    const auto& fns = FunctionRegistry::builtins();
    CHECK(fns.find("sum") != nullptr);
    CHECK(fns.find("Sum") == fns.find("SUM"));
    CHECK(fns.find("NOPE") == nullptr);

    FunctionRegistry copy = fns;
    CHECK_THROWS(copy.add({"sum", 1, 1, [](const Arguments&) { return Value{}; }}), std::invalid_argument);
}

OXL_TEST(aggregates_skip_text_in_ranges_but_coerce_literals) {
    SheetFixture s;
    fill_mixed_column(s);
    CHECK_EQ(s.eval_number("SUM(A1:A5)"), 12.5);
    CHECK_EQ(s.eval_number("SUM(A1:A5,\"2\",TRUE)"), 15.5);
    CHECK_EQ(s.eval("SUM(\"two\")"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval_number("AVERAGE(A1:A5)"), 6.25);
    CHECK_EQ(s.eval_number("MIN(A1:A5)"), 2.5);
    CHECK_EQ(s.eval_number("MAX(A1:A5,-4)"), 10.0);
    CHECK_EQ(s.eval_number("PRODUCT(A1:A5)"), 25.0);
}

OXL_TEST(aggregates_propagate_errors_from_ranges) {
    SheetFixture s;
    s.set("B1", "1");
    s.set("B2", "=1/0");
    CHECK_EQ(s.eval("SUM(B1:B2)"), Value::error(ErrorCode::Div0));
    CHECK_EQ(s.eval("AVERAGE(C1:C4)"), Value::error(ErrorCode::Div0));
}

OXL_TEST(count_and_counta) {
    SheetFixture s;
    fill_mixed_column(s);
    s.set("A4", "=1/0");
    CHECK_EQ(s.eval_number("COUNT(A1:A5)"), 2.0);
    CHECK_EQ(s.eval_number("COUNT(A1:A5,\"3\",\"x\")"), 3.0);
    CHECK_EQ(s.eval_number("COUNTA(A1:A5)"), 5.0);
}

OXL_TEST(round_is_half_away_from_zero) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("ROUND(2.675,2)"), 2.68);
    CHECK_EQ(s.eval_number("ROUND(-2.5,0)"), -3.0);
    CHECK_EQ(s.eval_number("ROUND(1234.5,-2)"), 1200.0);
    CHECK_EQ(s.eval_number("ROUND(0.1+0.2,15)"), 0.3);
}

OXL_TEST(int_abs_and_mod) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("INT(-2.5)"), -3.0);
    CHECK_EQ(s.eval_number("ABS(-7)"), 7.0);
    CHECK_EQ(s.eval_number("MOD(-3,2)"), 1.0);
    CHECK_EQ(s.eval_number("MOD(3,-2)"), -1.0);
    CHECK_EQ(s.eval("MOD(1,0)"), Value::error(ErrorCode::Div0));
}

OXL_TEST(logical_functions) {
    SheetFixture s;
    s.set("C1", "5");
    CHECK_EQ(s.eval("IF(C1>3,\"big\",\"small\")"), Value::text("big"));
    CHECK_EQ(s.eval("IF(C1>9,\"big\")"), Value::boolean(false));
    CHECK_EQ(s.eval("IF(\"maybe\",1,2)"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("AND(TRUE,C1,1)"), Value::boolean(true));
    CHECK_EQ(s.eval("OR(FALSE,0)"), Value::boolean(false));
    CHECK_EQ(s.eval("AND(D1:D3)"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("NOT(C1)"), Value::boolean(false));
    CHECK_EQ(s.eval_number("IFERROR(1/0,-1)"), -1.0);
    CHECK_EQ(s.eval("ISBLANK(D1)"), Value::boolean(true));
    CHECK_EQ(s.eval("ISERROR(#REF!)"), Value::boolean(true));
}

OXL_TEST(wrong_argument_count_is_value_error) {
    SheetFixture s;
    CHECK_EQ(s.eval("ROUND(1)"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("NOT(TRUE,FALSE)"), Value::error(ErrorCode::Value));
}

OXL_TEST(date_serials_match_the_1900_system) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("DATE(1900,1,1)"), 1.0);
    CHECK_EQ(s.eval_number("DATE(1900,2,28)"), 59.0);
    CHECK_EQ(s.eval_number("DATE(1900,3,1)"), 61.0);
    CHECK_EQ(s.eval_number("DATE(2025,1,1)"), 45658.0);
    CHECK_EQ(s.eval_number("DATE(25,1,1)"), 9133.0);  // short years are offsets from 1900
    CHECK_EQ(s.eval("DATE(10000,1,1)"), Value::error(ErrorCode::Num));
}

OXL_TEST(date_rolls_months_and_days) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("DATE(2024,13,1)"), s.eval_number("DATE(2025,1,1)"));
    CHECK_EQ(s.eval_number("DATE(2025,1,32)"), s.eval_number("DATE(2025,2,1)"));
    CHECK_EQ(s.eval_number("DATE(2024,3,0)"), s.eval_number("DATE(2024,2,29)"));
}

OXL_TEST(date_accepts_month_zero_and_negative_months) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("DATE(2025,0,15)"), s.eval_number("DATE(2024,12,15)"));
    CHECK_EQ(s.eval_number("DATE(2025,-1,1)"), s.eval_number("DATE(2024,11,1)"));
    CHECK_EQ(s.eval_number("DATE(2025,-12,31)"), s.eval_number("DATE(2023,12,31)"));
    CHECK_EQ(s.eval_number("DATE(2025,-13,1)"), s.eval_number("DATE(2023,11,1)"));
    CHECK_EQ(s.eval("DATE(1900,0,1)"), Value::error(ErrorCode::Num));  // before the epoch
}

OXL_TEST(date_parts_round_serials_to_the_millisecond) {
    SheetFixture s;
    s.set("A1", "=DATE(2025,1,2)-0.000000001");  // 23:59:59.99991 on 1 Jan
    CHECK_EQ(s.eval_number("DAY(A1)"), 2.0);
    CHECK_EQ(s.eval_number("WEEKDAY(A1)"), 5.0);  // Thursday, 2 Jan
    CHECK_EQ(s.eval_number("DAYS(A1,DATE(2025,1,1))"), 1.0);
    CHECK_EQ(s.eval_number("YEAR(DATE(2025,1,1)-0.0000000001)"), 2025.0);
    // Half a second before midnight is still the same day.
    CHECK_EQ(s.eval_number("DAY(DATE(2025,1,2)-0.5/86400)"), 1.0);
}

OXL_TEST(date_parts_and_weekday) {
    SheetFixture s;
    s.set("A1", "=DATE(2025,1,1)");
    CHECK_EQ(s.eval_number("YEAR(A1)"), 2025.0);
    CHECK_EQ(s.eval_number("MONTH(A1+59)"), 3.0);
    CHECK_EQ(s.eval_number("DAY(A1+59)"), 1.0);
    CHECK_EQ(s.eval_number("WEEKDAY(A1)"), 4.0);    // a Wednesday
    CHECK_EQ(s.eval_number("WEEKDAY(A1,2)"), 3.0);
    CHECK_EQ(s.eval_number("WEEKDAY(A1,3)"), 2.0);
    CHECK_EQ(s.eval_number("YEAR(\"2031-07-04\")"), 2031.0);
    CHECK_EQ(s.eval("YEAR(-1)"), Value::error(ErrorCode::Num));
}

OXL_TEST(edate_and_eomonth_clamp_to_month_end) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("EDATE(DATE(2025,1,31),1)"), s.eval_number("DATE(2025,2,28)"));
    CHECK_EQ(s.eval_number("EDATE(DATE(2024,3,31),-1)"), s.eval_number("DATE(2024,2,29)"));
    CHECK_EQ(s.eval_number("EOMONTH(DATE(2024,2,10),0)"), s.eval_number("DATE(2024,2,29)"));
    CHECK_EQ(s.eval_number("EOMONTH(DATE(2024,11,10),2)"), s.eval_number("DATE(2025,1,31)"));
}

OXL_TEST(days_and_datevalue) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("DAYS(DATE(2025,3,1),DATE(2025,2,1))"), 28.0);
    CHECK_EQ(s.eval_number("DATEVALUE(\"2025-03-14\")"), s.eval_number("DATE(2025,3,14)"));
    CHECK_EQ(s.eval("DATEVALUE(\"2025-02-30\")"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("DATEVALUE(45000)"), Value::error(ErrorCode::Value));
}
