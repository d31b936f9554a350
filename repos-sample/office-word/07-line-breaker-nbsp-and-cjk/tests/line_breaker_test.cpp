#include "layout/line_breaker.h"

#include <gtest/gtest.h>

#include "core/document.h"

namespace office::word {
namespace {

// Every UTF-16 code unit is 10 pt wide; lines are 8 + 2 pt tall. Widths in
// the tests below are therefore "number of code units times ten".
class MonospaceMeasurer final : public TextMeasurer {
public:
    double measure(std::u16string_view text, const RunFormat&) const override {
        return 10.0 * static_cast<double>(text.size());
    }
    double ascent(const RunFormat&) const override { return 8.0; }
    double descent(const RunFormat&) const override { return 2.0; }
};

class LineBreakerTest : public ::testing::Test {
protected:
    std::vector<LineBox> layout(std::u16string_view text, double width) {
        const std::vector<StyledRun> runs{{text.size(), &format}};
        return breaker.breakParagraph(text, runs, width, width);
    }

    static std::u16string lineText(std::u16string_view text, const LineBox& line) {
        return std::u16string(text.substr(line.start, line.length));
    }

    MonospaceMeasurer measurer;
    LineBreaker breaker{measurer};
    RunFormat format;
};

TEST_F(LineBreakerTest, ShortTextFitsOnOneLine) {
    const auto lines = layout(u"hello world", 200);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].length, 11u);
    EXPECT_DOUBLE_EQ(lines[0].width, 110.0);
}

TEST_F(LineBreakerTest, WrapsAtSpaceAndLetsTrailingSpaceHang) {
    constexpr std::u16string_view text = u"aaaa bbbb";
    const auto lines = layout(text, 40);  // "aaaa" fills the line exactly
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lineText(text, lines[0]), u"aaaa ");
    EXPECT_EQ(lines[0].trailingSpaces, 1u);
    EXPECT_DOUBLE_EQ(lines[0].width, 40.0);
    EXPECT_EQ(lineText(text, lines[1]), u"bbbb");
}

TEST_F(LineBreakerTest, BreaksAfterHyphenInsideWord) {
    constexpr std::u16string_view text = u"well-known";
    const auto lines = layout(text, 60);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lineText(text, lines[0]), u"well-");
    EXPECT_EQ(lineText(text, lines[1]), u"known");
}

TEST_F(LineBreakerTest, NoBreakSpaceKeepsNumberAndUnitTogether) {
    constexpr std::u16string_view text = u"pay 100\u00A0EUR";
    const auto lines = layout(text, 80);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lineText(text, lines[0]), u"pay ");
    EXPECT_EQ(lineText(text, lines[1]), u"100\u00A0EUR");
}

TEST_F(LineBreakerTest, NoBreakSpacesAreNotBreakOpportunities) {
    EXPECT_FALSE(LineBreaker::isBreakOpportunity(u"10\u00A0km", 3));
    EXPECT_FALSE(LineBreaker::isBreakOpportunity(u"10\u202Fkm", 3));
    EXPECT_FALSE(LineBreaker::isBreakOpportunity(u"1\u2007000", 2));
    EXPECT_TRUE(LineBreaker::isBreakOpportunity(u"10 km", 3));
}

TEST_F(LineBreakerTest, BreaksBetweenIdeographs) {
    constexpr std::u16string_view text = u"日本語のテキストです";
    const auto lines = layout(text, 40);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lineText(text, lines[0]), u"日本語の");
    EXPECT_EQ(lineText(text, lines[1]), u"テキスト");
    EXPECT_EQ(lineText(text, lines[2]), u"です");
}

TEST_F(LineBreakerTest, ClosingPunctuationNeverStartsALine) {
    constexpr std::u16string_view text = u"東京。大阪";
    const auto lines = layout(text, 20);
    for (const LineBox& line : lines) {
        EXPECT_NE(text[line.start], u'。') << "line starting at " << line.start;
    }
    ASSERT_GE(lines.size(), 2u);
    EXPECT_EQ(lineText(text, lines[1]), u"京。");
}

TEST_F(LineBreakerTest, OpeningBracketNeverEndsALine) {
    EXPECT_FALSE(LineBreaker::isBreakOpportunity(u"語「引用」", 2));
    EXPECT_TRUE(LineBreaker::isBreakOpportunity(u"語「引用」", 1));
}

TEST_F(LineBreakerTest, EmergencyBreakForOverlongWord) {
    constexpr std::u16string_view text = u"abcdefghij";
    const auto lines = layout(text, 35);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lineText(text, lines[0]), u"abc");
    EXPECT_EQ(lineText(text, lines[3]), u"j");
}

TEST_F(LineBreakerTest, EmergencyBreakKeepsSurrogatePairsWhole) {
    constexpr std::u16string_view text = u"\U0001F600\U0001F600\U0001F600";
    const auto lines = layout(text, 30);
    ASSERT_EQ(lines.size(), 3u);
    for (const LineBox& line : lines) EXPECT_EQ(line.length, 2u);
}

TEST_F(LineBreakerTest, LineSeparatorForcesBreak) {
    constexpr std::u16string_view text = u"ab\u2028cd";
    const auto lines = layout(text, 200);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_TRUE(lines[0].endsWithLineBreak);
    EXPECT_EQ(lineText(text, lines[1]), u"cd");
}

TEST_F(LineBreakerTest, EmptyParagraphHasOneEmptyLine) {
    const auto lines = layout(u"", 100);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].length, 0u);
}

TEST_F(LineBreakerTest, FirstLineUsesItsOwnWidth) {
    constexpr std::u16string_view text = u"aa bb cc dd";
    const std::vector<StyledRun> runs{{text.size(), &format}};
    // A 20 pt first-line indent leaves room for one word on the first line.
    const auto lines = breaker.breakParagraph(text, runs, 30, 50);
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_EQ(lineText(text, lines[0]), u"aa ");
    EXPECT_EQ(lineText(text, lines[1]), u"bb cc ");
    EXPECT_EQ(lineText(text, lines[2]), u"dd");
}

}  // namespace
}  // namespace office::word
