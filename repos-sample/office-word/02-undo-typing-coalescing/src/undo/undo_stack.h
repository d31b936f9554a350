#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "undo/edit_commands.h"

namespace office::word {

// Linear undo history for one document.
//
// Every edit goes through execute(), which applies the command and records
// it. Commands before `next_` are applied; those from `next_` on form the
// redo tail, which is discarded by the next new edit.
//
// The "clean" index remembers which history position matches the file on
// disk, so the shell can show the modified marker correctly even after the
// user undoes back past a save.
//
// Consecutive keystrokes are coalesced into one step (see
// EditCommand::mergeWith) as long as they arrive within the merge window
// and nothing else happened in between.
class UndoStack {
public:
    using Clock = std::chrono::steady_clock;
    using TimeSource = std::function<Clock::time_point()>;

    explicit UndoStack(Document& document, std::size_t limit = 1000,
                       TimeSource now = &Clock::now);

    UndoStack(const UndoStack&) = delete;
    UndoStack& operator=(const UndoStack&) = delete;

    void execute(std::unique_ptr<EditCommand> command);

    bool canUndo() const noexcept { return groups_.empty() && next_ > 0; }
    bool canRedo() const noexcept { return groups_.empty() && next_ < commands_.size(); }

    // Return the selection to show afterwards, or nothing if there was
    // nothing to undo/redo.
    std::optional<TextRange> undo();
    std::optional<TextRange> redo();

    std::string undoLabelKey() const;
    std::string redoLabelKey() const;

    // Groups nest; only the outermost endGroup() records a history entry.
    void beginGroup(std::string labelKey);
    void endGroup();

    bool isClean() const noexcept { return cleanIndex_ && *cleanIndex_ == next_; }
    void markClean() noexcept { cleanIndex_ = next_; }
    void clear();

    // Pauses longer than this end a typing step.
    void setMergeWindow(std::chrono::milliseconds window) noexcept { mergeWindow_ = window; }

    // Ends the current typing step. The shell calls this when the caret is
    // moved by the mouse or arrow keys, so that typing at the new place
    // undoes separately even if it follows within the merge window.
    void breakMerge() noexcept { mergeAllowed_ = false; }

    std::size_t size() const noexcept { return commands_.size(); }

    // Invoked after every change to the history (for menu and title updates).
    void setChangedCallback(std::function<void()> callback) { changed_ = std::move(callback); }

private:
    void record(std::unique_ptr<EditCommand> command);
    void trimToLimit();
    void notifyChanged() const;

    Document& document_;
    std::vector<std::unique_ptr<EditCommand>> commands_;
    std::size_t next_ = 0;
    std::size_t limit_;
    // Empty once the clean state has been dropped from history and can no
    // longer be reached by undo or redo.
    std::optional<std::size_t> cleanIndex_{0};
    std::vector<std::unique_ptr<CompositeCommand>> groups_;
    std::function<void()> changed_;

    TimeSource now_;
    std::chrono::milliseconds mergeWindow_{1500};
    Clock::time_point lastRecord_{};
    bool mergeAllowed_ = false;
};

}  // namespace office::word
