#include "layout/line_breaker.h"

#include <algorithm>
#include <cmath>

#include "core/document.h"
#include "core/utf.h"

namespace office::word {

namespace {

// Widths are sums of floating-point advances; allow for rounding so that a
// line measured as exactly full is not wrapped.
constexpr double kTolerance = 0.01;

// Spaces after which a line may wrap, and which hang past the margin.
bool isBreakingSpace(char16_t c) {
    switch (c) {
        case u' ':
        case u'\u2002':  // EN SPACE
        case u'\u2003':  // EM SPACE
        case u'\u2009':  // THIN SPACE
        case u'\u3000':  // IDEOGRAPHIC SPACE
            return true;
        default:
            return false;
    }
}

// Spaces that glue their neighbours together. These used to be treated as
// ordinary spaces, which split "100 km" and "Fig. 3" across lines.
bool isNoBreakSpace(char16_t c) {
    return c == u'\u00A0' || c == u'\u2007' || c == u'\u202F';
}

// Ideographs and kana: any two may be separated by a line break.
bool isIdeographic(char16_t c) {
    return (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
           (c >= 0x3400 && c <= 0x4DBF) ||  // CJK Extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK Unified Ideographs
           (c >= 0xF900 && c <= 0xFAFF);    // CJK Compatibility Ideographs
}

// Characters that must not begin a line: closing brackets and quotes,
// sentence punctuation, and (in Japanese) small kana and the prolonged
// sound mark.
bool isNoBreakBefore(char16_t c) {
    static constexpr std::u16string_view kProhibited =
        u")]}>,.;:!?%\u00BB\u2019\u201D\u2026"
        u"\u3001\u3002\u3009\u300B\u300D\u300F\u3011\u3015\u3017\u3019"
        u"\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308E"
        u"\u30A1\u30A3\u30A5\u30A7\u30A9\u30C3\u30E3\u30E5\u30E7\u30EE\u30FC"
        u"\uFF01\uFF09\uFF0C\uFF0E\uFF1A\uFF1B\uFF1F\uFF3D\uFF5D";
    return kProhibited.find(c) != std::u16string_view::npos;
}

// Characters that must not end a line: opening brackets and quotes.
bool isNoBreakAfter(char16_t c) {
    static constexpr std::u16string_view kProhibited =
        u"([{<\u00AB\u2018\u201C"
        u"\u3008\u300A\u300C\u300E\u3010\u3014\u3016\u3018"
        u"\uFF08\uFF3B\uFF5B";
    return kProhibited.find(c) != std::u16string_view::npos;
}

bool isHyphen(char16_t c) {
    return c == u'-' || c == u'\u2010';
}

bool isAsciiAlnum(char16_t c) {
    return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
}

}  // namespace

LineBreaker::LineBreaker(const TextMeasurer& measurer, double defaultTabStop)
    : measurer_(measurer), defaultTabStop_(defaultTabStop > 0 ? defaultTabStop : 36.0) {}

bool LineBreaker::isBreakOpportunity(std::u16string_view text, std::size_t index) {
    if (index == 0 || index >= text.size()) return false;
    const char16_t before = text[index - 1];
    const char16_t at = text[index];

    if (utf::isHighSurrogate(before) && utf::isLowSurrogate(at)) return false;
    if (isNoBreakSpace(before) || isNoBreakSpace(at)) return false;
    if (isNoBreakBefore(at) || isNoBreakAfter(before)) return false;

    // After a run of spaces, never inside it: the spaces stay on the
    // previous line where they hang.
    if (isBreakingSpace(before)) return !isBreakingSpace(at);

    // After a hyphen that follows a letter or digit ("well-known"), but not
    // for a leading minus sign or a dash between spaces.
    if (isHyphen(before) && index >= 2 && !isBreakingSpace(at)) {
        const char16_t prior = text[index - 2];
        return isAsciiAlnum(prior) || (prior >= 0x00C0 && !isNoBreakSpace(prior));
    }

    // Ideographic text has no spaces between words: a line may end after
    // any ideograph and before any ideograph, including at the boundary
    // with embedded Latin text.
    if (isIdeographic(before) || isIdeographic(at)) return !isBreakingSpace(at);
    return false;
}

double LineBreaker::measureRange(std::u16string_view text, const std::vector<StyledRun>& runs,
                                 std::size_t from, std::size_t to) const {
    double total = 0.0;
    std::size_t runStart = 0;
    for (const StyledRun& run : runs) {
        const std::size_t runEnd = runStart + run.length;
        if (runEnd > from && runStart < to) {
            const std::size_t a = std::max(from, runStart);
            const std::size_t b = std::min(to, runEnd);
            total += measurer_.measure(text.substr(a, b - a), *run.format);
        }
        if (runEnd >= to) break;
        runStart = runEnd;
    }
    return total;
}

std::vector<LineBox> LineBreaker::breakParagraph(std::u16string_view text,
                                                 const std::vector<StyledRun>& runs,
                                                 double firstLineWidth, double width) const {
    std::vector<LineBox> lines;

    std::size_t lineStart = 0;
    double lineWidth = 0.0;      // committed content, excluding trailing spaces
    double pendingSpaces = 0.0;  // width of spaces after the committed content
    std::size_t trailing = 0;

    auto available = [&] { return lines.empty() ? firstLineWidth : width; };
    auto finishLine = [&](std::size_t end, bool hardBreak) {
        lines.push_back({lineStart, end - lineStart, lineWidth, trailing, hardBreak});
        lineStart = end;
        lineWidth = 0.0;
        pendingSpaces = 0.0;
        trailing = 0;
    };

    std::size_t pos = 0;
    while (pos < text.size()) {
        const char16_t c = text[pos];

        if (c == kLineBreak) {
            finishLine(pos + 1, true);
            ++pos;
            continue;
        }

        if (c == kTab) {
            // Paragraph tab stops are applied by the layout engine when it
            // positions the line; here only default stops matter for fitting.
            const double x = lineWidth + pendingSpaces;
            const double stop = (std::floor(x / defaultTabStop_ + kTolerance) + 1.0) * defaultTabStop_;
            if (lineStart < pos && stop > available() + kTolerance) {
                finishLine(pos, false);
                continue;
            }
            lineWidth = std::min(stop, available());
            pendingSpaces = 0.0;
            trailing = 0;
            ++pos;
            continue;
        }

        // The next unbreakable segment runs to the following break
        // opportunity, tab or line break.
        std::size_t end = pos + 1;
        while (end < text.size() && text[end] != kLineBreak && text[end] != kTab &&
               !isBreakOpportunity(text, end)) {
            ++end;
        }

        std::size_t contentEnd = end;
        while (contentEnd > pos && isBreakingSpace(text[contentEnd - 1])) --contentEnd;
        if (contentEnd == pos) contentEnd = end;  // leading spaces are visible content

        const double contentWidth = measureRange(text, runs, pos, contentEnd);
        const double x = lineWidth + pendingSpaces;

        if (lineStart < pos && x + contentWidth > available() + kTolerance) {
            finishLine(pos, false);
            continue;  // place the same segment on the new line
        }

        if (lineStart == pos && contentWidth > available() + kTolerance) {
            // A single segment wider than the whole line: break between code
            // points, keeping at least one on the line so we always advance.
            std::size_t fit = pos;
            double used = 0.0;
            while (fit < contentEnd) {
                std::size_t next = fit + 1;
                if (utf::isHighSurrogate(text[fit]) && next < contentEnd &&
                    utf::isLowSurrogate(text[next])) {
                    ++next;
                }
                const double advance = measureRange(text, runs, fit, next);
                if (fit > pos && used + advance > available() + kTolerance) break;
                used += advance;
                fit = next;
            }
            lineWidth = used;
            if (fit < contentEnd) {
                finishLine(fit, false);
                pos = fit;
                continue;
            }
        } else {
            lineWidth = x + contentWidth;
        }

        pendingSpaces = measureRange(text, runs, contentEnd, end);
        trailing = end - contentEnd;
        pos = end;
    }

    if (lineStart < text.size() || lines.empty() || lines.back().endsWithLineBreak) {
        finishLine(text.size(), false);
    }
    return lines;
}

}  // namespace office::word
