// test_workbook.cpp - cell storage, editing and recalculation.

#include "check.hpp"
#include "sheet_fixture.hpp"

#include "oxl/formula.hpp"
#include "oxl/sheet.hpp"

using namespace oxl;
using oxl::test::SheetFixture;

OXL_TEST(sheet_allocates_and_frees_blocks) {
    Sheet sheet("Data");
    CHECK_EQ(sheet.block_count(), std::size_t{0});

    sheet.at(CellAddress{0, 0}).value = Value::number(1);
    sheet.at(CellAddress{31, 7}).value = Value::number(2);   // same block
    sheet.at(CellAddress{32, 0}).value = Value::number(3);   // next block down
    sheet.at(CellAddress{900000, 16000}).value = Value::number(4);
    CHECK_EQ(sheet.cell_count(), std::size_t{4});
    CHECK_EQ(sheet.block_count(), std::size_t{3});

    CHECK(sheet.clear(CellAddress{32, 0}));
    CHECK(!sheet.clear(CellAddress{32, 0}));
    CHECK_EQ(sheet.block_count(), std::size_t{2});
    CHECK(sheet.find(CellAddress{1, 1}) == nullptr);
    CHECK_EQ(sheet.value(CellAddress{31, 7}), Value::number(2));

    const auto used = sheet.used_range();
    CHECK(used.has_value());
    CHECK_EQ(used->to_a1(), std::string("A1:WQK900001"));
}

OXL_TEST(sheet_range_visit_covers_small_and_large_ranges) {
    Sheet sheet("Data");
    for (std::uint32_t r = 0; r < 100; ++r) sheet.at(CellAddress{r, 2}).value = Value::number(r);

    int small = 0;
    sheet.for_each_in(*CellRange::parse("C10:C19"), [&](CellAddress, const Cell&) { ++small; });
    CHECK_EQ(small, 10);

    int large = 0;
    sheet.for_each_in(*CellRange::parse("A1:Z5000"), [&](CellAddress, const Cell&) { ++large; });
    CHECK_EQ(large, 100);
}

OXL_TEST(address_parsing_round_trips) {
    CHECK_EQ(CellAddress::parse("$AB$12")->to_a1(), std::string("AB12"));
    CHECK_EQ(CellAddress::parse("xfd1048576")->col, kMaxColumns - 1);
    CHECK(!CellAddress::parse("XFE1"));
    CHECK(!CellAddress::parse("A0"));
    CHECK(!CellAddress::parse("A1B"));
    CHECK_EQ(CellRange::parse("C9:A1")->to_a1(), std::string("A1:C9"));
    CHECK_EQ(column_name(701), std::string("ZZ"));
    CHECK_EQ(column_name(702), std::string("AAA"));
}

OXL_TEST(input_is_typed_like_a_cell) {
    SheetFixture s;
    s.set("A1", "42");
    s.set("A2", "true");
    s.set("A3", "12.5%");
    s.set("A4", "Rent");
    s.set("A5", "=1+2");
    CHECK_EQ(s.get("A1"), Value::number(42));
    CHECK_EQ(s.get("A2"), Value::boolean(true));
    CHECK_EQ(s.get("A3"), Value::number(0.125));
    CHECK_EQ(s.get("A4"), Value::text("Rent"));
    CHECK_EQ(s.get("A5"), Value::number(3));
}

OXL_TEST(chains_recalculate_in_dependency_order) {
    SheetFixture s;
    s.set("A3", "=A2*10");
    s.set("A2", "=A1+1");
    s.set("A1", "1");
    CHECK_EQ(s.number("A3"), 20.0);

    s.set("A1", "5");
    CHECK_EQ(s.number("A2"), 6.0);
    CHECK_EQ(s.number("A3"), 60.0);
}

OXL_TEST(range_precedents_trigger_recalculation) {
    SheetFixture s;
    s.set("B1", "=SUM(A1:A10)");
    s.set("A7", "3");
    CHECK_EQ(s.number("B1"), 3.0);
    s.set("A10", "4");
    CHECK_EQ(s.number("B1"), 7.0);
    s.book.clear(s.sheet, SheetFixture::addr("A7"));
    CHECK_EQ(s.number("B1"), 4.0);
}

OXL_TEST(constant_overwriting_formula_drops_its_precedents) {
    SheetFixture s;
    s.set("A1", "2");
    s.set("A2", "=A1*2");
    s.set("A2", "7");
    s.set("A1", "10");
    CHECK_EQ(s.number("A2"), 7.0);
    CHECK_EQ(s.book.formula_text(s.sheet, SheetFixture::addr("A2")), std::string());
}

OXL_TEST(syntax_error_leaves_cell_untouched) {
    SheetFixture s;
    s.set("A1", "=2+2");
    CHECK_THROWS(s.set("A1", "=2+"), FormulaSyntaxError);
    CHECK_EQ(s.number("A1"), 4.0);
    CHECK_EQ(s.book.formula_text(s.sheet, SheetFixture::addr("A1")), std::string("=2+2"));
}

OXL_TEST(manual_mode_defers_until_recalculate) {
    SheetFixture s;
    s.set("A1", "1");
    s.set("B1", "=A1*100");
    s.book.set_calc_mode(CalcMode::Manual);

    s.set("A1", "2");
    CHECK_EQ(s.number("B1"), 100.0);
    CHECK(s.book.needs_recalc());

    const RecalcStats stats = s.book.recalculate();
    CHECK_EQ(stats.cells_evaluated, std::size_t{1});
    CHECK_EQ(s.number("B1"), 200.0);
    CHECK(!s.book.needs_recalc());
}

OXL_TEST(cycles_are_reported_and_recover) {
    SheetFixture s;
    s.set("A1", "=B1");
    s.set("B1", "=A1");
    s.set("C1", "=A1+1");
    CHECK_EQ(s.get("A1"), Value::error(ErrorCode::Circular));
    CHECK_EQ(s.get("B1"), Value::error(ErrorCode::Circular));
    CHECK_EQ(s.get("C1"), Value::error(ErrorCode::Circular));

    s.set("B1", "3");
    CHECK_EQ(s.number("A1"), 3.0);
    CHECK_EQ(s.number("C1"), 4.0);
}

OXL_TEST(self_reference_is_a_cycle) {
    SheetFixture s;
    s.set("D4", "=D4+1");
    CHECK_EQ(s.get("D4"), Value::error(ErrorCode::Circular));
    s.set("E4", "=SUM(D1:D10)");
    CHECK_EQ(s.get("E4"), Value::error(ErrorCode::Circular));
}

OXL_TEST(long_dependency_chain_does_not_exhaust_the_stack) {
    // A running balance copied down 200,000 rows. Ordering used to recurse
    // once per link and overflowed the stack well before this length.
    SheetFixture s;
    s.book.set_calc_mode(CalcMode::Manual);
    const std::uint32_t n = 200000;
    s.book.set_input(s.sheet, CellAddress{0, 0}, "1");
    for (std::uint32_t r = 1; r < n; ++r) {
        s.book.set_input(s.sheet, CellAddress{r, 0}, "=A" + std::to_string(r) + "+1");
    }

    const RecalcStats first = s.book.recalculate();
    CHECK_EQ(first.cells_evaluated, std::size_t{n - 1});
    CHECK_EQ(s.book.value(s.sheet, CellAddress{n - 1, 0}), Value::number(n));

    s.set("A1", "10");
    s.book.recalculate();
    CHECK_EQ(s.book.value(s.sheet, CellAddress{n - 1, 0}), Value::number(n + 9));
}

OXL_TEST(narrow_and_wide_ranges_find_their_dependents) {
    SheetFixture s;
    s.set("A1", "=SUM(BM1:BM100)");        // one column band
    s.set("A2", "=COUNT(B5:ZZ5)");         // spans many bands: kept in the wide list
    s.set("A3", "=SUM(BK1:BN2)");          // straddles the boundary between two bands

    s.set("BM50", "7");
    CHECK_EQ(s.number("A1"), 7.0);
    s.set("ZY5", "1");
    s.set("C5", "1");
    CHECK_EQ(s.number("A2"), 2.0);
    s.set("BL1", "4");
    s.set("BM2", "5");
    CHECK_EQ(s.number("A3"), 9.0);
    CHECK_EQ(s.number("A1"), 12.0);

    // Replacing a formula drops its old range edges.
    s.set("A1", "=SUM(C1:C3)");
    s.set("BM50", "100");
    CHECK_EQ(s.number("A1"), 0.0);
}

OXL_TEST(cycle_inside_a_larger_pass_spares_unrelated_cells) {
    SheetFixture s;
    s.book.set_calc_mode(CalcMode::Manual);
    s.set("A1", "1");
    s.set("B1", "=A1+C1");
    s.set("C1", "=B1");
    s.set("D1", "=A1*2");
    const RecalcStats stats = s.book.recalculate();
    CHECK_EQ(stats.cycles_detected, std::size_t{2});
    CHECK_EQ(s.get("B1"), Value::error(ErrorCode::Circular));
    CHECK_EQ(s.number("D1"), 2.0);
}

OXL_TEST(sheet_names_are_unique_ignoring_case) {
    Workbook wb;
    wb.add_sheet("Budget");
    CHECK_THROWS(wb.add_sheet("BUDGET"), std::invalid_argument);
    CHECK_THROWS(wb.add_sheet(""), std::invalid_argument);
    CHECK_EQ(wb.find_sheet("budget").value_or(99), std::size_t{0});
    CHECK_THROWS(wb.value(3, CellAddress{}), std::out_of_range);
}

OXL_TEST(display_text_applies_number_formats) {
    SheetFixture s;
    s.set("A1", "-1234.5");
    s.book.set_format(s.sheet, SheetFixture::addr("A1"), "#,##0.00;[Red](#,##0.00)");
    CHECK_EQ(s.text("A1"), std::string("(1,234.50)"));
    s.set("A2", "0.0437");
    s.book.set_format(s.sheet, SheetFixture::addr("A2"), "0.0%");
    CHECK_EQ(s.text("A2"), std::string("4.4%"));
    CHECK_THROWS(s.book.set_format(s.sheet, SheetFixture::addr("A3"), "[>100]0"), std::invalid_argument);
}
