// test_lookup.cpp - VLOOKUP, HLOOKUP, INDEX, MATCH.

#include "check.hpp"
#include "sheet_fixture.hpp"

using namespace oxl;
using oxl::test::SheetFixture;

namespace {

// A1:B5 = 10 ten / 20 twenty / 30 thirty / 40 forty / 50 fifty
void fill_numbers(SheetFixture& s) {
    const char* names[] = {"ten", "twenty", "thirty", "forty", "fifty"};
    for (int i = 0; i < 5; ++i) {
        const std::string row = std::to_string(i + 1);
        s.set(("A" + row).c_str(), std::to_string((i + 1) * 10));
        s.set(("B" + row).c_str(), names[i]);
    }
}

}  // namespace

OXL_TEST(vlookup_exact_match) {
    SheetFixture s;
    fill_numbers(s);
    CHECK_EQ(s.eval("VLOOKUP(30,A1:B5,2,FALSE)"), Value::text("thirty"));
    CHECK_EQ(s.eval("VLOOKUP(35,A1:B5,2,FALSE)"), Value::error(ErrorCode::NA));
    CHECK_EQ(s.eval("VLOOKUP(\"30\",A1:B5,2,FALSE)"), Value::error(ErrorCode::NA));
    CHECK_EQ(s.eval_number("VLOOKUP(50,A1:B5,1,0)"), 50.0);
}

OXL_TEST(vlookup_approximate_match_takes_last_not_greater) {
    SheetFixture s;
    fill_numbers(s);
    CHECK_EQ(s.eval("VLOOKUP(35,A1:B5,2)"), Value::text("thirty"));
    CHECK_EQ(s.eval("VLOOKUP(35,A1:B5,2,TRUE)"), Value::text("thirty"));
    CHECK_EQ(s.eval("VLOOKUP(999,A1:B5,2)"), Value::text("fifty"));
    CHECK_EQ(s.eval("VLOOKUP(5,A1:B5,2)"), Value::error(ErrorCode::NA));
}

OXL_TEST(vlookup_validates_column_index) {
    SheetFixture s;
    fill_numbers(s);
    CHECK_EQ(s.eval("VLOOKUP(10,A1:B5,3,FALSE)"), Value::error(ErrorCode::Ref));
    CHECK_EQ(s.eval("VLOOKUP(10,A1:B5,0,FALSE)"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("VLOOKUP(10,A1:B5,\"x\",FALSE)"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("VLOOKUP(C1,A1:B5,2,FALSE)"), Value::error(ErrorCode::NA));
}

OXL_TEST(lookups_compare_text_case_insensitively) {
    SheetFixture s;
    s.set("D1", "apple");
    s.set("E1", "1.2");
    s.set("D2", "Banana");
    s.set("E2", "0.4");
    s.set("D3", "cherry");
    s.set("E3", "6");
    CHECK_EQ(s.eval_number("VLOOKUP(\"APPLE\",D1:E3,2,FALSE)"), 1.2);
    CHECK_EQ(s.eval_number("VLOOKUP(\"blueberry\",D1:E3,2)"), 0.4);
    CHECK_EQ(s.eval_number("MATCH(\"CHERRY\",D1:D3,0)"), 3.0);
}

OXL_TEST(hlookup_searches_the_first_row) {
    SheetFixture s;
    s.set("A10", "Q1");
    s.set("B10", "Q2");
    s.set("C10", "Q3");
    s.set("A11", "100");
    s.set("B11", "250");
    s.set("C11", "175");
    CHECK_EQ(s.eval_number("HLOOKUP(\"q2\",A10:C11,2,FALSE)"), 250.0);
    CHECK_EQ(s.eval("HLOOKUP(\"Q4\",A10:C11,2,FALSE)"), Value::error(ErrorCode::NA));
    CHECK_EQ(s.eval("HLOOKUP(\"Q1\",A10:C11,3,FALSE)"), Value::error(ErrorCode::Ref));
}

OXL_TEST(index_by_row_and_column) {
    SheetFixture s;
    fill_numbers(s);
    CHECK_EQ(s.eval("INDEX(A1:B5,2,2)"), Value::text("twenty"));
    CHECK_EQ(s.eval_number("INDEX(A1:A5,3)"), 30.0);
    CHECK_EQ(s.eval("INDEX(A1:B5,9,1)"), Value::error(ErrorCode::Ref));
    CHECK_EQ(s.eval("INDEX(A1:B5,0,1)"), Value::error(ErrorCode::Value));

    s.set("A20", "x");
    s.set("B20", "y");
    s.set("C20", "z");
    CHECK_EQ(s.eval("INDEX(A20:C20,3)"), Value::text("z"));
}

OXL_TEST(match_types) {
    SheetFixture s;
    fill_numbers(s);
    CHECK_EQ(s.eval_number("MATCH(40,A1:A5,0)"), 4.0);
    CHECK_EQ(s.eval_number("MATCH(45,A1:A5)"), 4.0);
    CHECK_EQ(s.eval("MATCH(45,A1:A5,0)"), Value::error(ErrorCode::NA));
    CHECK_EQ(s.eval("MATCH(10,A1:B5,0)"), Value::error(ErrorCode::NA));  // not a vector

    // Descending data for type -1.
    s.set("G1", "50");
    s.set("G2", "30");
    s.set("G3", "10");
    CHECK_EQ(s.eval_number("MATCH(20,G1:G3,-1)"), 2.0);
    CHECK_EQ(s.eval("MATCH(60,G1:G3,-1)"), Value::error(ErrorCode::NA));
}

OXL_TEST(index_match_combination_follows_edits) {
    SheetFixture s;
    fill_numbers(s);
    s.set("D1", "40");
    s.set("E1", "=INDEX(B1:B5,MATCH(D1,A1:A5,0))");
    CHECK_EQ(s.get("E1"), Value::text("forty"));
    s.set("D1", "20");
    CHECK_EQ(s.get("E1"), Value::text("twenty"));
    s.set("B2", "TWENTY");
    CHECK_EQ(s.get("E1"), Value::text("TWENTY"));
}
