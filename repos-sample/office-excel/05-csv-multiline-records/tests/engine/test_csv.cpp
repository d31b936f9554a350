// test_csv.cpp - CSV reader and import.

#include "check.hpp"
#include "sheet_fixture.hpp"

#include "oxl/csv.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

using namespace oxl;
using oxl::test::SheetFixture;

namespace {

CsvImportResult import_text(SheetFixture& s, const std::string& text, const CsvOptions& options = {}) {
    std::istringstream in(text);
    return import_csv(in, s.book, s.sheet, CellAddress{}, options);
}

}  // namespace

OXL_TEST(csv_split_handles_quotes_and_empty_fields) {
    const auto f = split_csv_line("a,\"b,c\",,\"say \"\"hi\"\"\"", CsvOptions{});
    CHECK_EQ(f.size(), std::size_t{4});
    CHECK_EQ(f[1], std::string("b,c"));
    CHECK_EQ(f[2], std::string());
    CHECK_EQ(f[3], std::string("say \"hi\""));

    CsvOptions trim;
    trim.trim_whitespace = true;
    const auto t = split_csv_line("  x ,\" y \", z ", trim);
    CHECK_EQ(t[0], std::string("x"));
    CHECK_EQ(t[1], std::string(" y "));  // quoted content is kept verbatim
    CHECK_EQ(t[2], std::string("z"));
}

OXL_TEST(csv_quoted_field_may_span_lines) {
    SheetFixture s;
    const auto r = import_text(s, "Name,Comment\nAda,\"line one\nline two\"\nBob,ok\n");
    CHECK_EQ(r.rows, std::size_t{3});
    CHECK_EQ(s.get("B2"), Value::text("line one\nline two"));
    CHECK_EQ(s.get("A3"), Value::text("Bob"));
    CHECK(r.warnings.empty());
}

OXL_TEST(csv_accepts_crlf_and_strips_bom) {
    SheetFixture s;
    const auto r = import_text(s, "\xEF\xBB\xBF" "Category,Value\r\nRent,650\r\n\"a\r\nb\",1\r\n");
    CHECK_EQ(r.rows, std::size_t{3});
    CHECK_EQ(s.get("A1"), Value::text("Category"));
    CHECK_EQ(s.get("B2"), Value::number(650));
    CHECK_EQ(s.get("A3"), Value::text("a\nb"));
}

OXL_TEST(csv_detects_semicolon_and_tab) {
    CsvOptions detect;
    detect.delimiter = 0;

    SheetFixture s;
    const auto r = import_text(s, "Item;Price;Note\nTea;3,5;\"a;b\"\n", detect);
    CHECK_EQ(r.delimiter, ';');
    CHECK_EQ(s.get("C1"), Value::text("Note"));
    CHECK_EQ(s.get("B2"), Value::text("3,5"));  // decimal commas are not interpreted
    CHECK_EQ(s.get("C2"), Value::text("a;b"));

    SheetFixture t;
    CHECK_EQ(import_text(t, "x\ty\n1\t2\n", detect).delimiter, '\t');
    CHECK_EQ(t.get("B2"), Value::number(2));

    CHECK_EQ(detect_delimiter("a,b;c"), ',');  // ties go to the comma
    CHECK_EQ(detect_delimiter("\"a,b,c\";d"), ';');
}

OXL_TEST(csv_formulas_can_be_disabled_and_bad_ones_become_text) {
    SheetFixture s;
    const auto r = import_text(s, "1,2,=A1+B1,=SUM(\n");
    CHECK_EQ(s.get("C1"), Value::number(3));
    CHECK_EQ(s.get("D1"), Value::text("=SUM("));
    CHECK_EQ(r.warnings.size(), std::size_t{1});

    CsvOptions plain;
    plain.formulas = false;
    SheetFixture t;
    import_text(t, "1,2,=A1+B1\n", plain);
    CHECK_EQ(t.get("C1"), Value::text("=A1+B1"));
}

OXL_TEST(csv_skip_rows_counts_records_not_lines) {
    CsvOptions opts;
    opts.skip_rows = 2;
    SheetFixture s;
    const auto r = import_text(s, "\"Report\ngenerated 2025-03-01\"\nbanner\nA,B\n1,2\n", opts);
    CHECK_EQ(r.rows, std::size_t{2});
    CHECK_EQ(s.get("A1"), Value::text("A"));
}

OXL_TEST(csv_warns_on_unterminated_quote) {
    SheetFixture s;
    const auto r = import_text(s, "a,\"never closed\n1,2\n");
    CHECK_EQ(r.rows, std::size_t{1});
    CHECK_EQ(r.warnings.size(), std::size_t{1});
}

OXL_TEST(csv_imports_sample_budget) {
    const char* dir = std::getenv("OXL_SAMPLES_DIR");
    if (!dir) {
        std::printf("  (skipped: OXL_SAMPLES_DIR not set)\n");
        return;
    }
    SheetFixture s;
    const auto r = import_csv_file(std::string(dir) + "/budget.csv", s.book, s.sheet);
    CHECK_EQ(r.rows, std::size_t{11});
    CHECK_EQ(s.get("A5"), Value::text("Software, licences"));
    CHECK_EQ(s.number("E10"), 200455.0);
    CHECK_NEAR(s.number("F10"), 1.0, 1e-12);
    CHECK_NEAR(s.number("E11"), 66818.33, 1e-9);
}
