#include "undo/edit_commands.h"

#include <algorithm>
#include <stdexcept>

namespace office::word {

namespace {

bool isWordSeparator(char16_t c) {
    return c == u' ' || c == kTab || c == u'\u00A0' || c == u'\u3000' || c == kLineBreak ||
           c == kParagraphMark;
}

}  // namespace

// --- InsertTextCommand -----------------------------------------------------

InsertTextCommand::InsertTextCommand(std::size_t position, std::u16string text,
                                     std::optional<FormatId> format)
    : position_(position), text_(std::move(text)), format_(format), keystroke_(text_.size() == 1) {}

void InsertTextCommand::apply(Document& document) {
    document.insertText(position_, text_, format_);
}

void InsertTextCommand::revert(Document& document) {
    document.eraseText({position_, text_.size()});
}

std::string InsertTextCommand::labelKey() const {
    return keystroke_ ? "undo.typing" : "undo.insert";
}

TextRange InsertTextCommand::selectionAfterApply() const {
    return {position_ + text_.size(), 0};
}

TextRange InsertTextCommand::selectionAfterRevert() const {
    return {position_, 0};
}

bool InsertTextCommand::mergeWith(const EditCommand& next) {
    const auto* other = dynamic_cast<const InsertTextCommand*>(&next);
    if (!other || !keystroke_ || !other->keystroke_ || other->format_ != format_) return false;
    if (other->position_ != position_ + text_.size()) return false;

    // Undo should take back about one word at a time, so a new step starts
    // when a word begins after a separator, and Enter always starts one.
    const char16_t typed = other->text_.front();
    if (typed == kParagraphMark || text_.back() == kParagraphMark) return false;
    if (isWordSeparator(text_.back()) && !isWordSeparator(typed)) return false;

    text_ += other->text_;
    return true;
}

// --- EraseTextCommand ------------------------------------------------------

EraseTextCommand::EraseTextCommand(TextRange range) : range_(range), keystroke_(range.length == 1) {}

void EraseTextCommand::apply(Document& document) {
    if (range_.start >= document.length()) {
        throw std::out_of_range("EraseTextCommand: range starts past the end of the document");
    }
    // Mirror the document's own clamping so that revert() restores exactly
    // what was removed and nothing more.
    range_.length = std::min(range_.length, document.length() - 1 - range_.start);
    removed_ = document.plainText(range_);
    removedRuns_ = document.runs().runsIn(range_.start, range_.length);

    firstParagraph_ = document.paragraphAt(range_.start);
    const std::size_t lastParagraph = document.paragraphAt(range_.end());
    paragraphFormats_.clear();
    for (std::size_t p = firstParagraph_; p <= lastParagraph; ++p) {
        paragraphFormats_.push_back(document.paragraphFormat(p));
    }

    document.eraseText(range_);
}

void EraseTextCommand::revert(Document& document) {
    if (removed_.empty()) return;
    document.insertText(range_.start, removed_, removedRuns_.front().format);
    for (std::size_t i = 1; i < removedRuns_.size(); ++i) {
        const RunList::Run& run = removedRuns_[i];
        document.setRunFormatId({run.start, run.length}, run.format);
    }
    // Re-inserting the marks split the paragraphs again, but every new
    // paragraph inherited the format of the one it was split from.
    for (std::size_t i = 0; i < paragraphFormats_.size(); ++i) {
        document.setParagraphFormat(firstParagraph_ + i, paragraphFormats_[i]);
    }
}

bool EraseTextCommand::mergeWith(const EditCommand& next) {
    const auto* other = dynamic_cast<const EraseTextCommand*>(&next);
    if (!other || !keystroke_ || !other->keystroke_) return false;
    if (removed_.empty() || other->removed_.size() != 1) return false;
    // Joining two paragraphs is a structural change; keep it undoable alone.
    // That also keeps the paragraph formats captured by each command valid.
    if (other->removed_.front() == kParagraphMark ||
        removed_.find(kParagraphMark) != std::u16string::npos) {
        return false;
    }

    // Run positions are kept in the coordinates of the document as it was
    // before the first deletion, which is where revert() puts text back.
    if (other->range_.end() == range_.start) {
        // Backspace: the new character sat directly in front of ours.
        removed_.insert(0, other->removed_);
        removedRuns_.insert(removedRuns_.begin(), other->removedRuns_.begin(), other->removedRuns_.end());
        range_ = {other->range_.start, range_.length + other->range_.length};
        return true;
    }
    if (other->range_.start == range_.start) {
        // Forward delete: the new character followed ours in the original.
        removed_ += other->removed_;
        for (RunList::Run run : other->removedRuns_) {
            run.start += range_.length;
            removedRuns_.push_back(run);
        }
        range_.length += other->range_.length;
        return true;
    }
    return false;
}

// --- RunFormatCommand ------------------------------------------------------

RunFormatCommand::RunFormatCommand(TextRange range, RunFormat format)
    : range_(range), format_(std::move(format)) {}

void RunFormatCommand::apply(Document& document) {
    previous_ = document.runs().runsIn(range_.start, range_.length);
    document.applyRunFormat(range_, format_);
}

void RunFormatCommand::revert(Document& document) {
    for (const RunList::Run& run : previous_) {
        document.setRunFormatId({run.start, run.length}, run.format);
    }
}

// --- ParagraphFormatCommand ------------------------------------------------

ParagraphFormatCommand::ParagraphFormatCommand(std::size_t paragraph, ParagraphFormat format)
    : paragraph_(paragraph), format_(std::move(format)) {}

void ParagraphFormatCommand::apply(Document& document) {
    previous_ = document.paragraphFormat(paragraph_);
    selection_ = {document.paragraphRange(paragraph_).start, 0};
    document.setParagraphFormat(paragraph_, format_);
}

void ParagraphFormatCommand::revert(Document& document) {
    document.setParagraphFormat(paragraph_, previous_);
}

// --- CompositeCommand ------------------------------------------------------

CompositeCommand::CompositeCommand(std::string labelKey) : labelKey_(std::move(labelKey)) {}

void CompositeCommand::add(std::unique_ptr<EditCommand> command) {
    if (command) children_.push_back(std::move(command));
}

void CompositeCommand::apply(Document& document) {
    for (auto& child : children_) child->apply(document);
}

void CompositeCommand::revert(Document& document) {
    for (auto it = children_.rbegin(); it != children_.rend(); ++it) (*it)->revert(document);
}

TextRange CompositeCommand::selectionAfterApply() const {
    return children_.empty() ? TextRange{} : children_.back()->selectionAfterApply();
}

TextRange CompositeCommand::selectionAfterRevert() const {
    return children_.empty() ? TextRange{} : children_.front()->selectionAfterRevert();
}

}  // namespace office::word
