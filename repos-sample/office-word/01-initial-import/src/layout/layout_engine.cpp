#include "layout/layout_engine.h"

#include <algorithm>

namespace office::word {

namespace {

// Narrowest line we will lay out into. Extreme indents can otherwise produce
// zero or negative widths and a line per code point.
constexpr double kMinimumLineWidth = 18.0;

double lineHeightFor(const ParagraphFormat& format, double naturalHeight) {
    switch (format.lineSpacingRule) {
        case LineSpacingRule::Multiple:
            return naturalHeight * std::max(format.lineSpacing, 1) / 240.0;
        case LineSpacingRule::AtLeast:
            return std::max(naturalHeight, twipsToPoints(format.lineSpacing));
        case LineSpacingRule::Exactly:
            return twipsToPoints(format.lineSpacing);
    }
    return naturalHeight;
}

}  // namespace

LayoutEngine::LayoutEngine(Document& document, const TextMeasurer& measurer, PageSetup setup)
    : document_(document), measurer_(measurer), breaker_(measurer), setup_(setup) {
    paragraphs_.resize(document_.paragraphCount());
    document_.addObserver(this);
}

LayoutEngine::~LayoutEngine() { document_.removeObserver(this); }

void LayoutEngine::setPageSetup(const PageSetup& setup) {
    setup_ = setup;
    invalidateAll();
}

void LayoutEngine::invalidateAll() {
    for (ParagraphLayout& paragraph : paragraphs_) paragraph.valid = false;
    pagesValid_ = false;
}

void LayoutEngine::documentChanged(const Document& document, const TextChange& change) {
    pagesValid_ = false;
    const std::size_t count = document.paragraphCount();
    const std::size_t first = document.paragraphAt(std::min(change.position, document.length() - 1));

    if (count != change.paragraphCountBefore) {
        // Paragraphs were split or merged. Indices after the edit no longer
        // line up with the cache, so relayout everything from the edit on.
        // Typing within a paragraph, the common case, never gets here.
        paragraphs_.resize(count);
        for (std::size_t i = first; i < count; ++i) paragraphs_[i].valid = false;
        return;
    }

    const std::size_t endPos = std::min(change.position + change.inserted, document.length() - 1);
    const std::size_t last = document.paragraphAt(endPos);
    for (std::size_t i = first; i <= last && i < paragraphs_.size(); ++i) {
        paragraphs_[i].valid = false;
    }
}

void LayoutEngine::layoutParagraph(std::size_t index) {
    ParagraphLayout& layout = paragraphs_[index];
    const TextRange range = document_.paragraphRange(index);
    const ParagraphFormat& format = document_.paragraphFormat(index);
    const TextRange body{range.start, range.length - 1};  // without the mark

    const std::u16string text = document_.plainText(body);
    const std::vector<RunList::Run> runs = document_.runs().runsIn(body.start, body.length);
    std::vector<StyledRun> styled;
    styled.reserve(runs.size());
    for (const RunList::Run& run : runs) {
        styled.push_back({run.length, &document_.formatPool().get(run.format)});
    }

    const double indentStart = twipsToPoints(format.indentStartTwips);
    const double indentEnd = twipsToPoints(format.indentEndTwips);
    const double firstLine = twipsToPoints(format.firstLineIndentTwips);
    const double width = std::max(kMinimumLineWidth, setup_.contentWidth() - indentStart - indentEnd);
    const double firstWidth = std::max(kMinimumLineWidth, width - firstLine);

    layout.lines = breaker_.breakParagraph(text, styled, firstWidth, width);
    layout.heights.clear();
    layout.ascents.clear();
    layout.offsets.clear();

    // An empty paragraph takes its height from the mark's format.
    const RunFormat& markFormat = document_.runFormatAt(range.end() - 1);

    for (std::size_t i = 0; i < layout.lines.size(); ++i) {
        const LineBox& line = layout.lines[i];
        double ascent = 0.0;
        double descent = 0.0;
        for (const RunList::Run& run : runs) {
            const std::size_t runStart = run.start - body.start;
            if (runStart >= line.start + line.length || runStart + run.length <= line.start) continue;
            const RunFormat& runFormat = document_.formatPool().get(run.format);
            ascent = std::max(ascent, measurer_.ascent(runFormat));
            descent = std::max(descent, measurer_.descent(runFormat));
        }
        if (ascent + descent <= 0.0) {
            ascent = measurer_.ascent(markFormat);
            descent = measurer_.descent(markFormat);
        }

        const double height = lineHeightFor(format, ascent + descent);
        const double lead = i == 0 ? firstLine : 0.0;
        const double available = (i == 0 ? firstWidth : width);
        double offset = indentStart + lead;
        switch (format.alignment) {
            case Alignment::Start:
            case Alignment::Justify:  // the renderer stretches spaces; the line starts at the indent
                break;
            case Alignment::Center:
                offset += std::max(0.0, (available - line.width) / 2.0);
                break;
            case Alignment::End:
                offset += std::max(0.0, available - line.width);
                break;
        }

        layout.heights.push_back(height);
        layout.ascents.push_back(std::min(ascent, height));
        layout.offsets.push_back(offset);
    }

    layout.spaceBefore = twipsToPoints(format.spaceBeforeTwips);
    layout.spaceAfter = twipsToPoints(format.spaceAfterTwips);
    layout.valid = true;
}

void LayoutEngine::paginate() {
    pages_.clear();
    pages_.emplace_back();
    double y = setup_.marginTopPt;
    const double bottom = setup_.contentBottom();

    auto newPage = [&] {
        pages_.emplace_back();
        y = setup_.marginTopPt;
    };
    auto atPageTop = [&] { return pages_.back().lines.empty(); };

    for (std::size_t p = 0; p < paragraphs_.size(); ++p) {
        if (!paragraphs_[p].valid) layoutParagraph(p);
        const ParagraphLayout& layout = paragraphs_[p];
        const ParagraphFormat& format = document_.paragraphFormat(p);
        const TextRange range = document_.paragraphRange(p);

        if (format.pageBreakBefore && !atPageTop()) newPage();

        // Space before is suppressed at the top of a page so that headings
        // line up with the margin.
        if (!atPageTop()) y += layout.spaceBefore;

        // Orphan control: do not leave the first line of a multi-line
        // paragraph alone at the bottom of a page.
        if (format.widowControl && layout.lines.size() > 1 && !atPageTop()) {
            const double twoLines = layout.heights[0] + layout.heights[1];
            if (y + twoLines > bottom) newPage();
        }

        for (std::size_t i = 0; i < layout.lines.size(); ++i) {
            const double height = layout.heights[i];
            if (y + height > bottom && !atPageTop()) newPage();

            // Widow control: if only the last line would move to the next
            // page, take the previous line with it.
            const bool lastLine = i + 1 == layout.lines.size();
            if (format.widowControl && lastLine && i >= 2 && atPageTop() &&
                !pages_[pages_.size() - 2].lines.empty() &&
                pages_[pages_.size() - 2].lines.back().paragraph == p) {
                PageLayout& previous = pages_[pages_.size() - 2];
                PositionedLine moved = previous.lines.back();
                previous.lines.pop_back();
                moved.top = y;
                moved.baseline = y + layout.ascents[i - 1];
                pages_.back().lines.push_back(moved);
                y += moved.height;
            }

            const LineBox& box = layout.lines[i];
            PositionedLine line;
            line.documentStart = range.start + box.start;
            line.length = box.length;
            line.paragraph = p;
            line.x = setup_.marginStartPt + layout.offsets[i];
            line.top = y;
            line.baseline = y + layout.ascents[i];
            line.width = box.width;
            line.height = height;
            pages_.back().lines.push_back(line);
            y += height;
        }
        y += layout.spaceAfter;
    }
    pagesValid_ = true;
}

const std::vector<PageLayout>& LayoutEngine::pages() {
    if (!pagesValid_) paginate();
    return pages_;
}

std::size_t LayoutEngine::pageOfPosition(std::size_t pos) {
    const std::vector<PageLayout>& all = pages();
    for (std::size_t page = 0; page < all.size(); ++page) {
        const auto& lines = all[page].lines;
        if (!lines.empty() && pos < lines.back().documentStart + lines.back().length) return page;
    }
    return all.empty() ? 0 : all.size() - 1;
}

}  // namespace office::word
