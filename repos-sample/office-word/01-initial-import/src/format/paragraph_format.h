#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace office::word {

// Lengths in paragraph formatting are stored in twips (1/20 point), the unit
// used by the file format, and converted to points only by layout.
inline constexpr double twipsToPoints(std::int32_t twips) noexcept { return twips / 20.0; }
inline constexpr std::int32_t pointsToTwips(double points) noexcept {
    return static_cast<std::int32_t>(points * 20.0 + (points >= 0 ? 0.5 : -0.5));
}

enum class Alignment : std::uint8_t { Start, Center, End, Justify };

enum class LineSpacingRule : std::uint8_t {
    Multiple,  // lineSpacing is in 240ths of a single line (240 = single)
    AtLeast,   // lineSpacing is a minimum height in twips
    Exactly,   // lineSpacing is a fixed height in twips; tall glyphs are clipped
};

struct TabStop {
    enum class Kind : std::uint8_t { Start, Center, End, Decimal };

    std::int32_t positionTwips = 0;
    Kind kind = Kind::Start;
    char16_t leader = 0;  // 0 for none, otherwise '.', '-' or '_'

    friend bool operator==(const TabStop&, const TabStop&) = default;
};

struct ParagraphFormat {
    std::string styleId = "Normal";
    Alignment alignment = Alignment::Start;

    std::int32_t indentStartTwips = 0;
    std::int32_t indentEndTwips = 0;
    std::int32_t firstLineIndentTwips = 0;  // negative for a hanging indent

    std::int32_t spaceBeforeTwips = 0;
    std::int32_t spaceAfterTwips = 160;
    LineSpacingRule lineSpacingRule = LineSpacingRule::Multiple;
    std::int32_t lineSpacing = 264;  // 1.1 lines

    bool keepWithNext = false;
    bool keepLinesTogether = false;
    bool widowControl = true;
    bool pageBreakBefore = false;

    std::vector<TabStop> tabStops;  // sorted by position

    friend bool operator==(const ParagraphFormat&, const ParagraphFormat&) = default;
};

}  // namespace office::word
