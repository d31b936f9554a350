#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/document.h"

namespace office::word {

// One reversible change to a document. Commands capture whatever they need
// to revert themselves when they are first applied, not when constructed,
// so a command built from stale UI state still reverts correctly.
class EditCommand {
public:
    virtual ~EditCommand() = default;

    virtual void apply(Document& document) = 0;
    virtual void revert(Document& document) = 0;

    // String-table key for the Undo/Redo menu item, e.g. "undo.typing".
    virtual std::string labelKey() const = 0;

    // Selection the editor should show after apply() and after revert().
    virtual TextRange selectionAfterApply() const = 0;
    virtual TextRange selectionAfterRevert() const = 0;

    // Offered the command that was applied right after this one. A command
    // that can represent both edits as a single step absorbs `next` and
    // returns true; the undo stack then discards `next`. The default keeps
    // every command separate.
    virtual bool mergeWith(const EditCommand& next) {
        static_cast<void>(next);
        return false;
    }
};

class InsertTextCommand final : public EditCommand {
public:
    InsertTextCommand(std::size_t position, std::u16string text,
                      std::optional<FormatId> format = std::nullopt);

    void apply(Document& document) override;
    void revert(Document& document) override;
    std::string labelKey() const override;
    TextRange selectionAfterApply() const override;
    TextRange selectionAfterRevert() const override;
    bool mergeWith(const EditCommand& next) override;

private:
    std::size_t position_;
    std::u16string text_;
    std::optional<FormatId> format_;
    bool keystroke_;  // created for a single typed character
};

class EraseTextCommand final : public EditCommand {
public:
    explicit EraseTextCommand(TextRange range);

    void apply(Document& document) override;
    void revert(Document& document) override;
    std::string labelKey() const override { return "undo.delete"; }
    TextRange selectionAfterApply() const override { return {range_.start, 0}; }
    TextRange selectionAfterRevert() const override { return range_; }
    bool mergeWith(const EditCommand& next) override;

private:
    TextRange range_;
    std::u16string removed_;
    std::vector<RunList::Run> removedRuns_;  // absolute positions at capture time
    // Formats of every paragraph the range touched, starting with paragraph
    // firstParagraph_. Erasing across paragraph marks merges paragraphs and
    // discards all but one of these formats; revert() puts them back.
    std::size_t firstParagraph_ = 0;
    std::vector<ParagraphFormat> paragraphFormats_;
    bool keystroke_;  // created for a single Backspace or Delete
};

class RunFormatCommand final : public EditCommand {
public:
    RunFormatCommand(TextRange range, RunFormat format);

    void apply(Document& document) override;
    void revert(Document& document) override;
    std::string labelKey() const override { return "undo.format"; }
    TextRange selectionAfterApply() const override { return range_; }
    TextRange selectionAfterRevert() const override { return range_; }

private:
    TextRange range_;
    RunFormat format_;
    std::vector<RunList::Run> previous_;
};

class ParagraphFormatCommand final : public EditCommand {
public:
    ParagraphFormatCommand(std::size_t paragraph, ParagraphFormat format);

    void apply(Document& document) override;
    void revert(Document& document) override;
    std::string labelKey() const override { return "undo.paragraph_format"; }
    TextRange selectionAfterApply() const override { return selection_; }
    TextRange selectionAfterRevert() const override { return selection_; }

private:
    std::size_t paragraph_;
    ParagraphFormat format_;
    ParagraphFormat previous_;
    TextRange selection_;
};

// Several commands undone and redone as one step: a paste that replaces a
// selection, "replace all", or anything a plugin wraps in a group.
class CompositeCommand final : public EditCommand {
public:
    explicit CompositeCommand(std::string labelKey);

    // Adds a command that has already been applied to the document.
    void add(std::unique_ptr<EditCommand> command);
    bool empty() const noexcept { return children_.empty(); }

    void apply(Document& document) override;
    void revert(Document& document) override;
    std::string labelKey() const override { return labelKey_; }
    TextRange selectionAfterApply() const override;
    TextRange selectionAfterRevert() const override;

private:
    std::string labelKey_;
    std::vector<std::unique_ptr<EditCommand>> children_;
};

}  // namespace office::word
