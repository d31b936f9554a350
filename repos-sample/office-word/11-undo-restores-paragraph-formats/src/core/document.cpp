#include "core/document.h"

#include <algorithm>
#include <stdexcept>

namespace office::word {

Document::Document() : Document(std::u16string_view{}) {}

Document::Document(std::u16string_view initialText) {
    std::u16string text(initialText);
    if (text.empty() || text.back() != kParagraphMark) text.push_back(kParagraphMark);

    paragraphStarts_.push_back(0);
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if (text[i] == kParagraphMark) paragraphStarts_.push_back(i + 1);
    }
    paragraphFormats_.assign(paragraphStarts_.size(), ParagraphFormat{});

    runs_ = RunList(text.size(), FormatPool::kDefault);
    text_ = PieceTable(std::move(text));
}

std::unique_ptr<Document> Document::clone() const {
    auto copy = std::make_unique<Document>();
    copy->text_ = text_;
    copy->formats_ = formats_;
    copy->runs_ = runs_;
    copy->paragraphStarts_ = paragraphStarts_;
    copy->paragraphFormats_ = paragraphFormats_;
    copy->revision_ = revision_;
    return copy;
}

std::u16string Document::plainText(TextRange range) const {
    return text_.substr(range.start, range.length);
}

std::size_t Document::paragraphAt(std::size_t pos) const {
    const auto it = std::upper_bound(paragraphStarts_.begin(), paragraphStarts_.end(), pos);
    return static_cast<std::size_t>(it - paragraphStarts_.begin()) - 1;
}

TextRange Document::paragraphRange(std::size_t index) const {
    if (index >= paragraphStarts_.size()) throw std::out_of_range("Document::paragraphRange");
    const std::size_t start = paragraphStarts_[index];
    const std::size_t end =
        index + 1 < paragraphStarts_.size() ? paragraphStarts_[index + 1] : length();
    return {start, end - start};
}

const ParagraphFormat& Document::paragraphFormat(std::size_t index) const {
    return paragraphFormats_.at(index);
}

void Document::insertText(std::size_t pos, std::u16string_view text,
                          std::optional<FormatId> format) {
    if (pos >= length()) {
        throw std::out_of_range("Document::insertText: position at or past the final paragraph mark");
    }
    if (text.empty()) return;

    // Continue the formatting of the character before the caret, except at
    // the start of a paragraph where the paragraph's own first run applies.
    FormatId fmt = FormatPool::kDefault;
    if (format) {
        fmt = *format;
    } else if (pos > 0 && text_.at(pos - 1) != kParagraphMark) {
        fmt = runs_.formatAt(pos - 1);
    } else {
        fmt = runs_.formatAt(pos);
    }

    const std::size_t paragraph = paragraphAt(pos);
    const std::size_t countBefore = paragraphCount();

    text_.insert(pos, text);
    runs_.insert(pos, text.size(), fmt);

    for (std::size_t i = paragraph + 1; i < paragraphStarts_.size(); ++i) {
        paragraphStarts_[i] += text.size();
    }

    std::vector<std::size_t> newStarts;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == kParagraphMark) newStarts.push_back(pos + i + 1);
    }
    if (!newStarts.empty()) {
        const auto at = static_cast<std::ptrdiff_t>(paragraph) + 1;
        paragraphStarts_.insert(paragraphStarts_.begin() + at, newStarts.begin(), newStarts.end());
        // Splitting a paragraph gives both halves the original's format, the
        // same as pressing Enter in the middle of a line.
        const ParagraphFormat inherited = paragraphFormats_[paragraph];
        paragraphFormats_.insert(paragraphFormats_.begin() + at, newStarts.size(), inherited);
    }

    TextChange change;
    change.kind = TextChange::Kind::Text;
    change.position = pos;
    change.inserted = text.size();
    change.paragraphCountBefore = countBefore;
    change.revision = ++revision_;
    notify(change);
}

void Document::eraseText(TextRange range) {
    if (range.start >= length()) throw std::out_of_range("Document::eraseText: start past end");
    const std::size_t count = std::min(range.length, length() - 1 - range.start);
    if (count == 0) return;

    const std::size_t pos = range.start;
    const std::size_t end = pos + count;
    const std::size_t countBefore = paragraphCount();

    text_.erase(pos, count);
    runs_.erase(pos, count);

    // A paragraph whose start lies in (pos, end] lost the mark in front of it
    // and merges into its predecessor, which normally keeps its own format.
    const auto first = std::upper_bound(paragraphStarts_.begin(), paragraphStarts_.end(), pos);
    const auto last = std::upper_bound(first, paragraphStarts_.end(), end);
    const auto firstIndex = first - paragraphStarts_.begin();
    const auto lastIndex = last - paragraphStarts_.begin();

    // Exception: when the range starts exactly at a paragraph start, no
    // text of that paragraph survives. What remains is the tail of the
    // last affected paragraph, and it keeps that paragraph's format.
    // Otherwise deleting a whole heading (mark included) would turn the
    // following body paragraph into a heading.
    if (lastIndex > firstIndex && paragraphStarts_[static_cast<std::size_t>(firstIndex) - 1] == pos) {
        paragraphFormats_[static_cast<std::size_t>(firstIndex) - 1] =
            std::move(paragraphFormats_[static_cast<std::size_t>(lastIndex) - 1]);
    }

    paragraphStarts_.erase(first, last);
    paragraphFormats_.erase(paragraphFormats_.begin() + firstIndex,
                            paragraphFormats_.begin() + lastIndex);
    for (auto i = static_cast<std::size_t>(firstIndex); i < paragraphStarts_.size(); ++i) {
        paragraphStarts_[i] -= count;
    }

    TextChange change;
    change.kind = TextChange::Kind::Text;
    change.position = pos;
    change.removed = count;
    change.paragraphCountBefore = countBefore;
    change.revision = ++revision_;
    notify(change);
}

void Document::applyRunFormat(TextRange range, const RunFormat& format) {
    setRunFormatId(range, formats_.intern(format));
}

void Document::setRunFormatId(TextRange range, FormatId format) {
    if (range.start >= length()) throw std::out_of_range("Document::setRunFormatId: start past end");
    formats_.get(format);  // validates the id before anything is modified
    const std::size_t count = std::min(range.length, length() - range.start);
    if (count == 0) return;

    runs_.assign(range.start, count, format);

    TextChange change;
    change.kind = TextChange::Kind::RunFormat;
    change.position = range.start;
    change.removed = count;
    change.inserted = count;
    change.paragraphCountBefore = paragraphCount();
    change.revision = ++revision_;
    notify(change);
}

void Document::setParagraphFormat(std::size_t index, const ParagraphFormat& format) {
    ParagraphFormat& current = paragraphFormats_.at(index);
    if (current == format) return;
    current = format;

    const TextRange range = paragraphRange(index);
    TextChange change;
    change.kind = TextChange::Kind::ParagraphFormat;
    change.position = range.start;
    change.removed = range.length;
    change.inserted = range.length;
    change.paragraphCountBefore = paragraphCount();
    change.revision = ++revision_;
    notify(change);
}

void Document::addObserver(DocumentObserver* observer) {
    if (observer && std::find(observers_.begin(), observers_.end(), observer) == observers_.end()) {
        observers_.push_back(observer);
    }
}

void Document::removeObserver(DocumentObserver* observer) {
    observers_.erase(std::remove(observers_.begin(), observers_.end(), observer), observers_.end());
}

void Document::notify(const TextChange& change) {
    // Iterate over a copy: an observer may detach itself (or another
    // observer) while handling the notification.
    const std::vector<DocumentObserver*> observers = observers_;
    for (DocumentObserver* observer : observers) {
        if (std::find(observers_.begin(), observers_.end(), observer) != observers_.end()) {
            observer->documentChanged(*this, change);
        }
    }
}

}  // namespace office::word
