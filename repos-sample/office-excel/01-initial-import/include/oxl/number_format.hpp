// number_format.hpp - format codes such as "#,##0.00;[Red](#,##0.00)".
#pragma once

#include "oxl/value.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace oxl {

// A parsed number format code. Up to four sections separated by ';' apply to
// positive numbers, negative numbers, zero and text respectively. Supported
// elements: digit placeholders 0 # ?, decimal point, thousands separator,
// trailing commas (scale by 1000), %, quoted literals, backslash escapes,
// the text placeholder @ and bracketed colours (recorded, not rendered).
class NumberFormat {
public:
    // "General" or an empty code yields the General format.
    // Throws std::invalid_argument for malformed codes.
    static NumberFormat parse(std::string_view code);

    const std::string& code() const noexcept { return code_; }
    bool is_general() const noexcept { return sections_.empty(); }

    std::string format(const Value& value) const;

    // Colour named by the section that would be used for the value, or an
    // empty string.
    std::string color_for(const Value& value) const;

private:
    struct Element {
        enum class Kind { Literal, Digits, Text } kind = Kind::Literal;
        std::string literal;
    };

    struct Section {
        std::vector<Element> prefix;   // literals before the number
        std::vector<Element> suffix;   // literals after the number
        int min_integer_digits = 0;    // count of '0' before the point
        int min_fraction_digits = 0;   // count of '0' after the point
        int max_fraction_digits = 0;   // '0', '#' and '?' after the point
        int pad_fraction_digits = 0;   // '?' after the point: pad with spaces
        bool grouping = false;         // thousands separator present
        int scale_thousands = 0;       // trailing commas
        int percent = 0;               // number of '%' signs
        bool has_number = false;
        bool has_point = false;        // pattern contains a decimal point
        bool general = false;          // the section is the word "General"
        bool is_text = false;          // contains '@'
        std::string color;
    };

    static Section parse_section(std::string_view text);
    std::string render_number(const Section& s, double n, bool drop_sign) const;
    const Section* section_for(const Value& value, bool& drop_sign) const;

    std::string code_;
    std::vector<Section> sections_;
};

}  // namespace oxl
