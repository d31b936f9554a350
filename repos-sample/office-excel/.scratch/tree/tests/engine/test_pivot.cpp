// test_pivot.cpp - pivot summaries.

#include "check.hpp"
#include "sheet_fixture.hpp"

#include "oxl/pivot.hpp"

#include <stdexcept>

using namespace oxl;
using oxl::test::SheetFixture;

namespace {

// A1:C8
//   Region  Product  Amount
//   North   Tea      120
//   South   Coffee   80
//   North   Coffee   45.5
//   East    Tea      60
//   south   Tea      30      <- groups with "South"
//   North   Tea      80
//   West    Cocoa    n/a     <- not a number
void fill_sales(SheetFixture& s) {
    const char* rows[][3] = {
        {"Region", "Product", "Amount"}, {"North", "Tea", "120"}, {"South", "Coffee", "80"},
        {"North", "Coffee", "45.5"},     {"East", "Tea", "60"},   {"south", "Tea", "30"},
        {"North", "Tea", "80"},          {"West", "Cocoa", "n/a"},
    };
    for (std::uint32_t r = 0; r < 8; ++r) {
        for (std::uint32_t c = 0; c < 3; ++c) s.book.set_input(s.sheet, CellAddress{r, c}, rows[r][c]);
    }
}

PivotSpec by_region(Aggregate a) {
    PivotSpec spec;
    spec.source = *CellRange::parse("A1:C8");
    spec.row_field = 0;
    spec.value_field = 2;
    spec.aggregate = a;
    return spec;
}

}  // namespace

OXL_TEST(pivot_sums_by_row_field) {
    SheetFixture s;
    fill_sales(s);
    const PivotTable t = build_pivot(s.book.sheet(s.sheet), by_region(Aggregate::Sum));

    CHECK_EQ(t.row_header, std::string("Region"));
    CHECK_EQ(t.value_header, std::string("Sum of Amount"));
    CHECK_EQ(t.row_labels.size(), std::size_t{4});
    CHECK_EQ(t.row_labels[1], std::string("South"));  // first spelling wins
    CHECK_EQ(*t.cells[0][0], 245.5);
    CHECK_EQ(*t.cells[1][0], 110.0);
    CHECK_EQ(*t.cells[2][0], 60.0);
    CHECK(!t.cells[3][0].has_value());                // West had no numbers
    CHECK_EQ(*t.grand_total, 415.5);
    CHECK_EQ(t.skipped_rows, std::size_t{1});
}

OXL_TEST(pivot_count_and_average_totals_use_source_rows) {
    SheetFixture s;
    fill_sales(s);
    const PivotTable count = build_pivot(s.book.sheet(s.sheet), by_region(Aggregate::Count));
    CHECK_EQ(*count.cells[0][0], 3.0);
    CHECK_EQ(*count.cells[3][0], 1.0);  // text counts
    CHECK_EQ(*count.grand_total, 7.0);

    const PivotTable avg = build_pivot(s.book.sheet(s.sheet), by_region(Aggregate::Average));
    CHECK_NEAR(*avg.cells[0][0], 245.5 / 3, 1e-12);
    CHECK_NEAR(*avg.grand_total, 415.5 / 6, 1e-12);  // not the mean of the group means
}

OXL_TEST(pivot_with_column_field) {
    SheetFixture s;
    fill_sales(s);
    PivotSpec spec = by_region(Aggregate::Sum);
    spec.column_field = 1;
    const PivotTable t = build_pivot(s.book.sheet(s.sheet), spec);

    CHECK_EQ(t.column_labels.size(), std::size_t{3});
    CHECK_EQ(t.column_labels[0], std::string("Tea"));
    CHECK_EQ(*t.cells[0][0], 200.0);            // North / Tea
    CHECK_EQ(*t.cells[0][1], 45.5);             // North / Coffee
    CHECK(!t.cells[2][1].has_value());          // East / Coffee
    CHECK_EQ(*t.column_totals[0], 290.0);
    CHECK_EQ(*t.row_totals[1], 110.0);
    CHECK(!t.column_totals[2].has_value());     // Cocoa
}

OXL_TEST(pivot_writes_values_and_totals) {
    SheetFixture s;
    fill_sales(s);
    PivotSpec spec = by_region(Aggregate::Sum);
    spec.column_field = 1;
    const CellRange out = write_pivot(build_pivot(s.book.sheet(s.sheet), spec), s.book, s.sheet,
                                      SheetFixture::addr("F1"));

    CHECK_EQ(out.to_a1(), std::string("F1:J6"));
    CHECK_EQ(s.get("F1"), Value::text("Region"));
    CHECK_EQ(s.get("J1"), Value::text("Total"));
    CHECK_EQ(s.get("F2"), Value::text("North"));
    CHECK_EQ(s.get("G2"), Value::number(200));
    CHECK(s.get("H4").is_empty());              // East / Coffee left blank
    CHECK_EQ(s.get("J6"), Value::number(415.5));

    // Formulas over the output see the values immediately.
    s.set("L1", "=SUM(G2:G5)");
    CHECK_EQ(s.number("L1"), 290.0);
}

OXL_TEST(pivot_rejects_fields_outside_the_source) {
    SheetFixture s;
    fill_sales(s);
    PivotSpec spec = by_region(Aggregate::Sum);
    spec.value_field = 3;
    CHECK_THROWS(build_pivot(s.book.sheet(s.sheet), spec), std::invalid_argument);
}
