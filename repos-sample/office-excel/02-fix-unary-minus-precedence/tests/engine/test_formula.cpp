// test_formula.cpp - tokenizer, parser and operator evaluation.

#include "check.hpp"
#include "sheet_fixture.hpp"

#include "oxl/formula.hpp"

#include <string>

using namespace oxl;
using oxl::test::SheetFixture;

OXL_TEST(tokenizer_recognises_each_token_kind) {
    const auto t = tokenize("A1+$B$2*sum(C1:c3)>=10");
    CHECK_EQ(t.size(), std::size_t{11});
    CHECK(t[0].kind == TokenKind::Reference && t[0].text == "A1");
    CHECK(t[1].kind == TokenKind::Operator && t[1].text == "+");
    CHECK(t[2].kind == TokenKind::Reference && t[2].text == "$B$2");
    CHECK(t[4].kind == TokenKind::Function && t[4].text == "SUM");
    CHECK(t[5].kind == TokenKind::LParen);
    CHECK(t[6].kind == TokenKind::Reference && t[6].text == "C1:C3");
    CHECK(t[8].kind == TokenKind::Operator && t[8].text == ">=");
    CHECK(t[9].kind == TokenKind::Number && t[9].number == 10.0);
    CHECK(t[10].kind == TokenKind::End);
}

OXL_TEST(tokenizer_handles_strings_numbers_and_errors) {
    const auto t = tokenize("\"say \"\"hi\"\"\" & 1.5e3 & #N/A & .25");
    CHECK(t[0].kind == TokenKind::String);
    CHECK_EQ(t[0].text, std::string("say \"hi\""));
    CHECK_EQ(t[2].number, 1500.0);
    CHECK(t[4].kind == TokenKind::Error && t[4].text == "#N/A");
    CHECK_EQ(t[6].number, 0.25);
}

OXL_TEST(tokenizer_reports_offsets_of_bad_input) {
    CHECK_THROWS(tokenize("\"unterminated"), FormulaSyntaxError);
    CHECK_THROWS(tokenize("1 ; 2"), FormulaSyntaxError);
    CHECK_THROWS(tokenize("A1:"), FormulaSyntaxError);
    CHECK_THROWS(tokenize("#BOGUS!"), FormulaSyntaxError);
    try {
        tokenize("1 + 2 ? 3");
    } catch (const FormulaSyntaxError& e) {
        CHECK_EQ(e.offset(), std::size_t{6});
    }
}

OXL_TEST(parser_rejects_malformed_formulas) {
    CHECK_THROWS(Formula::compile(""), FormulaSyntaxError);
    CHECK_THROWS(Formula::compile("1+"), FormulaSyntaxError);
    CHECK_THROWS(Formula::compile("SUM(1,2"), FormulaSyntaxError);
    CHECK_THROWS(Formula::compile("(1+2))"), FormulaSyntaxError);
    CHECK_THROWS(Formula::compile("1 2"), FormulaSyntaxError);
    CHECK_THROWS(Formula::compile(std::string(400, '(') + "1" + std::string(400, ')')), FormulaSyntaxError);
}

OXL_TEST(formula_lists_each_precedent_once) {
    const auto f = Formula::compile("A1 + a1 + SUM(B1:B3) * B1:B3");
    CHECK_EQ(f->precedents().size(), std::size_t{2});
    CHECK(f->precedents()[0] == CellRange::single(CellAddress{0, 0}));
    CHECK_EQ(f->precedents()[1].to_a1(), std::string("B1:B3"));
    CHECK_EQ(f->text(), std::string("A1 + a1 + SUM(B1:B3) * B1:B3"));
}

OXL_TEST(arithmetic_precedence_and_associativity) {
    SheetFixture s;
    CHECK_EQ(s.eval_number("1+2*3"), 7.0);
    CHECK_EQ(s.eval_number("(1+2)*3"), 9.0);
    CHECK_EQ(s.eval_number("10-4-3"), 3.0);
    CHECK_EQ(s.eval_number("2^3^2"), 64.0);  // left-associative, like other spreadsheets
    CHECK_EQ(s.eval_number("200*10%"), 20.0);
    CHECK_EQ(s.eval_number("50%%"), 0.005);
}

OXL_TEST(sign_binds_tighter_than_exponent) {
    SheetFixture s;
    s.set("A1", "3");
    CHECK_EQ(s.eval_number("-2^2"), 4.0);
    CHECK_EQ(s.eval_number("-A1^2"), 9.0);
    CHECK_EQ(s.eval_number("-(2^2)"), -4.0);
    CHECK_EQ(s.eval_number("0-2^2"), -4.0);   // binary minus is still lower than ^
    CHECK_EQ(s.eval_number("2^-1"), 0.5);
    CHECK_EQ(s.eval_number("2*-3"), -6.0);
    CHECK_EQ(s.eval_number("1--1"), 2.0);
    CHECK_EQ(s.eval_number("-50%"), -0.5);
}

OXL_TEST(concatenation_and_comparison) {
    SheetFixture s;
    CHECK_EQ(s.eval("1+2&\"x\""), Value::text("3x"));
    CHECK_EQ(s.eval("\"abc\"=\"ABC\""), Value::boolean(true));
    CHECK_EQ(s.eval("1<\"a\""), Value::boolean(true));   // numbers sort before text
    CHECK_EQ(s.eval("\"z\"<TRUE"), Value::boolean(true)); // text sorts before booleans
    CHECK_EQ(s.eval("1<2=TRUE"), Value::boolean(true));
    CHECK_EQ(s.eval("A1=0"), Value::boolean(true));       // empty compares as zero
    CHECK_EQ(s.eval("A1=\"\""), Value::boolean(true));    // ...or as empty text
}

OXL_TEST(errors_propagate_through_operators) {
    SheetFixture s;
    CHECK_EQ(s.eval("1/0"), Value::error(ErrorCode::Div0));
    CHECK_EQ(s.eval("\"x\"+1"), Value::error(ErrorCode::Value));
    CHECK_EQ(s.eval("#N/A+1/0"), Value::error(ErrorCode::NA));
    CHECK_EQ(s.eval("0^0"), Value::error(ErrorCode::Num));
    CHECK_EQ(s.eval("(-8)^(1/3)"), Value::error(ErrorCode::Num));
    CHECK_EQ(s.eval("NOSUCHFUNCTION(1)"), Value::error(ErrorCode::Name));
    CHECK_EQ(s.eval("Revenue*2"), Value::error(ErrorCode::Name));
    CHECK_EQ(s.eval("A1:A3+1"), Value::error(ErrorCode::Value));
}

OXL_TEST(references_read_cells_and_empty_reads_as_zero) {
    SheetFixture s;
    s.set("A1", "4");
    s.set("B1", "=A1*A1");
    s.set("B2", "=C9");
    CHECK_EQ(s.number("B1"), 16.0);
    CHECK_EQ(s.get("B2"), Value::number(0));
    CHECK_EQ(s.book.formula_text(s.sheet, SheetFixture::addr("B1")), std::string("=A1*A1"));
}
