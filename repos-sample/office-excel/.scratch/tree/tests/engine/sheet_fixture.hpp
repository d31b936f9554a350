// sheet_fixture.hpp - a one-sheet workbook with A1-addressed helpers.
#pragma once

#include "oxl/workbook.hpp"

#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>

namespace oxl {

// Lets CHECK_EQ print values in failure messages.
inline std::ostream& operator<<(std::ostream& out, const Value& v) {
    if (v.is_text()) return out << '"' << v.as_text() << '"';
    if (v.is_empty()) return out << "<empty>";
    return out << v.to_display_string();
}

namespace test {

class SheetFixture {
public:
    SheetFixture() : sheet(book.add_sheet("Sheet1")) {}

    static CellAddress addr(const char* a1) {
        const auto a = CellAddress::parse(a1);
        if (!a) throw std::invalid_argument(std::string("bad address in test: ") + a1);
        return *a;
    }

    void set(const char* a1, const std::string& input) { book.set_input(sheet, addr(a1), input); }
    Value get(const char* a1) const { return book.value(sheet, addr(a1)); }
    std::string text(const char* a1) const { return book.display_text(sheet, addr(a1)); }

    // NaN for non-numbers, so CHECK_NEAR fails loudly instead of passing on 0.
    double number(const char* a1) const {
        const Value v = get(a1);
        return v.is_number() ? v.as_number() : std::numeric_limits<double>::quiet_NaN();
    }

    // Evaluates a formula in a scratch cell far from the test data.
    Value eval(const std::string& formula) {
        set("XA1000", "=" + formula);
        return get("XA1000");
    }

    double eval_number(const std::string& formula) {
        const Value v = eval(formula);
        return v.is_number() ? v.as_number() : std::numeric_limits<double>::quiet_NaN();
    }

    Workbook book;
    std::size_t sheet;
};

}  // namespace test
}  // namespace oxl
