#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "format/run_format.h"

namespace office::word {

// Supplies glyph metrics. The real implementation lives in the rendering
// layer and shapes text with the platform font stack; tests use a fixed
// advance per code unit. All values are in points.
class TextMeasurer {
public:
    virtual ~TextMeasurer() = default;
    virtual double measure(std::u16string_view text, const RunFormat& format) const = 0;
    virtual double ascent(const RunFormat& format) const = 0;
    virtual double descent(const RunFormat& format) const = 0;
};

// A slice of paragraph text sharing one format. Consecutive StyledRuns cover
// the paragraph text exactly, in order.
struct StyledRun {
    std::size_t length;
    const RunFormat* format;
};

struct LineBox {
    std::size_t start = 0;           // offset within the paragraph text
    std::size_t length = 0;          // code units, including trailing spaces
    double width = 0.0;              // excluding trailing spaces
    std::size_t trailingSpaces = 0;  // spaces that hang past the margin
    bool endsWithLineBreak = false;  // ended by U+2028 rather than by wrapping
};

// Greedy first-fit line breaking, following a practical subset of the
// Unicode line breaking algorithm (UAX #14):
//
//  * after spaces and after hyphens inside words;
//  * between ideographs and kana, which are written without spaces, while
//    keeping closing punctuation off the start of a line and opening
//    punctuation off the end (the common kinsoku rules);
//  * never at or next to a no-break space (U+00A0, U+2007, U+202F), so
//    "100 km" or "§ 12" stay together;
//  * never inside a surrogate pair.
//
// A segment wider than the line is broken between code points as a last
// resort. Trailing spaces never cause a wrap: they hang into the margin and
// are excluded from the line width used for alignment.
class LineBreaker {
public:
    explicit LineBreaker(const TextMeasurer& measurer, double defaultTabStop = 36.0);

    // `text` is the paragraph without its terminating mark. `firstLineWidth`
    // and `width` are the available widths for the first and later lines.
    std::vector<LineBox> breakParagraph(std::u16string_view text,
                                        const std::vector<StyledRun>& runs,
                                        double firstLineWidth, double width) const;

    // True if a line may end immediately before text[index].
    static bool isBreakOpportunity(std::u16string_view text, std::size_t index);

private:
    double measureRange(std::u16string_view text, const std::vector<StyledRun>& runs,
                        std::size_t from, std::size_t to) const;

    const TextMeasurer& measurer_;
    double defaultTabStop_;
};

}  // namespace office::word
