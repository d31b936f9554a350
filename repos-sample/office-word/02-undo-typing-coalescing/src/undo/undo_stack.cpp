#include "undo/undo_stack.h"

#include <stdexcept>

namespace office::word {

UndoStack::UndoStack(Document& document, std::size_t limit, TimeSource now)
    : document_(document), limit_(limit > 0 ? limit : 1), now_(std::move(now)) {
    if (!now_) now_ = &Clock::now;
}

void UndoStack::execute(std::unique_ptr<EditCommand> command) {
    if (!command) return;
    // Apply first: if the command throws, history is left untouched.
    command->apply(document_);

    if (!groups_.empty()) {
        groups_.back()->add(std::move(command));
        return;
    }
    record(std::move(command));
}

void UndoStack::record(std::unique_ptr<EditCommand> command) {
    const Clock::time_point now = now_();
    const bool withinWindow = now - lastRecord_ <= mergeWindow_;
    lastRecord_ = now;

    // Coalesce with the previous step when the user is simply typing on.
    // Never merge across the clean point: the saved state must remain
    // reachable by undo, and isClean() would otherwise report a modified
    // document as saved.
    const bool atCleanPoint = cleanIndex_ && *cleanIndex_ == next_;
    if (mergeAllowed_ && withinWindow && !atCleanPoint && next_ > 0 && next_ == commands_.size() &&
        commands_[next_ - 1]->mergeWith(*command)) {
        notifyChanged();
        return;
    }
    mergeAllowed_ = true;

    // A new edit invalidates the redo tail. If the clean state lived there,
    // it can never be reached again.
    if (next_ < commands_.size()) {
        if (cleanIndex_ && *cleanIndex_ > next_) cleanIndex_.reset();
        commands_.erase(commands_.begin() + static_cast<std::ptrdiff_t>(next_), commands_.end());
    }

    commands_.push_back(std::move(command));
    ++next_;
    trimToLimit();
    notifyChanged();
}

void UndoStack::trimToLimit() {
    while (commands_.size() > limit_) {
        commands_.erase(commands_.begin());
        --next_;
        if (cleanIndex_) {
            if (*cleanIndex_ == 0) {
                cleanIndex_.reset();
            } else {
                --*cleanIndex_;
            }
        }
    }
}

std::optional<TextRange> UndoStack::undo() {
    if (!canUndo()) return std::nullopt;
    EditCommand& command = *commands_[next_ - 1];
    command.revert(document_);
    --next_;
    mergeAllowed_ = false;
    notifyChanged();
    return command.selectionAfterRevert();
}

std::optional<TextRange> UndoStack::redo() {
    if (!canRedo()) return std::nullopt;
    EditCommand& command = *commands_[next_];
    command.apply(document_);
    ++next_;
    mergeAllowed_ = false;
    notifyChanged();
    return command.selectionAfterApply();
}

std::string UndoStack::undoLabelKey() const {
    return canUndo() ? commands_[next_ - 1]->labelKey() : std::string();
}

std::string UndoStack::redoLabelKey() const {
    return canRedo() ? commands_[next_]->labelKey() : std::string();
}

void UndoStack::beginGroup(std::string labelKey) {
    groups_.push_back(std::make_unique<CompositeCommand>(std::move(labelKey)));
}

void UndoStack::endGroup() {
    if (groups_.empty()) throw std::logic_error("UndoStack::endGroup without beginGroup");

    std::unique_ptr<CompositeCommand> group = std::move(groups_.back());
    groups_.pop_back();
    if (group->empty()) return;

    if (!groups_.empty()) {
        groups_.back()->add(std::move(group));
    } else {
        record(std::move(group));
    }
}

void UndoStack::clear() {
    if (!groups_.empty()) throw std::logic_error("UndoStack::clear while a group is open");
    const bool wasClean = isClean();
    commands_.clear();
    next_ = 0;
    mergeAllowed_ = false;
    cleanIndex_ = wasClean ? std::optional<std::size_t>(0) : std::nullopt;
    notifyChanged();
}

void UndoStack::notifyChanged() const {
    if (changed_) changed_();
}

}  // namespace office::word
