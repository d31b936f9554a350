#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/document.h"
#include "layout/line_breaker.h"

namespace office::word {

struct PageSetup {
    double widthPt = 595.3;  // A4 portrait
    double heightPt = 841.9;
    double marginTopPt = 72.0;
    double marginBottomPt = 72.0;
    double marginStartPt = 72.0;
    double marginEndPt = 72.0;

    double contentWidth() const noexcept { return widthPt - marginStartPt - marginEndPt; }
    double contentBottom() const noexcept { return heightPt - marginBottomPt; }
};

// A line placed on a page. Coordinates are in points from the page's
// top-left corner; `baseline` is where the renderer draws the text.
struct PositionedLine {
    std::size_t documentStart = 0;
    std::size_t length = 0;
    std::size_t paragraph = 0;
    double x = 0.0;
    double top = 0.0;
    double baseline = 0.0;
    double width = 0.0;
    double height = 0.0;
};

struct PageLayout {
    std::vector<PositionedLine> lines;
};

// Turns a document into pages of positioned lines. Paragraph line breaking
// is cached and invalidated through the observer interface; pagination is
// cheap by comparison and is redone whenever anything changed.
class LayoutEngine final : public DocumentObserver {
public:
    LayoutEngine(Document& document, const TextMeasurer& measurer, PageSetup setup = {});
    ~LayoutEngine() override;

    LayoutEngine(const LayoutEngine&) = delete;
    LayoutEngine& operator=(const LayoutEngine&) = delete;

    const std::vector<PageLayout>& pages();
    std::size_t pageOfPosition(std::size_t pos);

    void setPageSetup(const PageSetup& setup);
    const PageSetup& pageSetup() const noexcept { return setup_; }

    void documentChanged(const Document& document, const TextChange& change) override;

private:
    struct ParagraphLayout {
        bool valid = false;
        std::vector<LineBox> lines;
        std::vector<double> heights;
        std::vector<double> ascents;
        std::vector<double> offsets;  // x offset of each line from the content edge
        double spaceBefore = 0.0;
        double spaceAfter = 0.0;
    };

    void layoutParagraph(std::size_t index);
    void paginate();
    void invalidateAll();

    Document& document_;
    const TextMeasurer& measurer_;
    LineBreaker breaker_;
    PageSetup setup_;
    std::vector<ParagraphLayout> paragraphs_;
    std::vector<PageLayout> pages_;
    bool pagesValid_ = false;
};

}  // namespace office::word
