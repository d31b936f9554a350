#include "core/piece_table.h"

#include <stdexcept>

namespace office::word {

PieceTable::PieceTable(std::u16string original) : original_(std::move(original)) {
    if (!original_.empty()) {
        pieces_.push_back({Source::Original, 0, original_.size()});
        length_ = original_.size();
    }
}

std::u16string_view PieceTable::view(const Piece& piece) const {
    const std::u16string& buffer = piece.source == Source::Original ? original_ : added_;
    return std::u16string_view(buffer).substr(piece.start, piece.length);
}

void PieceTable::invalidateCache() const noexcept {
    cacheIndex_ = 0;
    cacheStart_ = 0;
}

PieceTable::Location PieceTable::locate(std::size_t pos) const {
    std::size_t index = 0;
    std::size_t start = 0;
    if (cacheIndex_ < pieces_.size() && pos >= cacheStart_) {
        index = cacheIndex_;
        start = cacheStart_;
    }

    for (; index < pieces_.size(); ++index) {
        const std::size_t len = pieces_[index].length;
        if (pos < start + len) {
            cacheIndex_ = index;
            cacheStart_ = start;
            return {index, pos - start};
        }
        start += len;
    }
    return {pieces_.size(), 0};
}

void PieceTable::insert(std::size_t pos, std::u16string_view text) {
    if (pos > length_) throw std::out_of_range("PieceTable::insert: position past end of text");
    if (text.empty()) return;

    const std::size_t addStart = added_.size();
    added_.append(text);

    const Location loc = locate(pos);
    invalidateCache();

    // Typing appends to the add buffer one character at a time, right after
    // the previous insertion. Extending that piece instead of creating a new
    // one keeps the piece count proportional to the number of edit sites
    // rather than the number of keystrokes.
    if (loc.offset == 0 && loc.index > 0) {
        Piece& previous = pieces_[loc.index - 1];
        if (previous.source == Source::Added && previous.start + previous.length == addStart) {
            previous.length += text.size();
            length_ += text.size();
            return;
        }
    }

    const Piece inserted{Source::Added, addStart, text.size()};
    if (loc.offset == 0) {
        pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(loc.index), inserted);
    } else {
        // Split the piece that contains `pos` into left | inserted | right.
        const Piece target = pieces_[loc.index];
        const Piece left{target.source, target.start, loc.offset};
        const Piece right{target.source, target.start + loc.offset, target.length - loc.offset};
        pieces_[loc.index] = left;
        pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(loc.index) + 1, {inserted, right});
    }
    length_ += text.size();
}

void PieceTable::erase(std::size_t pos, std::size_t count) {
    if (pos > length_) throw std::out_of_range("PieceTable::erase: position past end of text");
    count = std::min(count, length_ - pos);
    if (count == 0) return;

    const Location first = locate(pos);
    invalidateCache();

    // Build the (at most two) pieces that replace the affected run of pieces:
    // the head of the first piece before `pos`, and the tail of the last
    // piece after `pos + count`.
    std::vector<Piece> replacement;
    if (first.offset > 0) {
        const Piece& head = pieces_[first.index];
        replacement.push_back({head.source, head.start, first.offset});
    }

    std::size_t last = first.index;
    std::size_t offset = first.offset;
    std::size_t remaining = count;
    while (remaining > 0) {
        const Piece& piece = pieces_[last];
        const std::size_t available = piece.length - offset;
        if (remaining < available) {
            replacement.push_back(
                {piece.source, piece.start + offset + remaining, available - remaining});
            remaining = 0;
        } else {
            remaining -= available;
        }
        offset = 0;
        ++last;
    }

    const auto begin = pieces_.begin() + static_cast<std::ptrdiff_t>(first.index);
    pieces_.erase(begin, pieces_.begin() + static_cast<std::ptrdiff_t>(last));
    pieces_.insert(pieces_.begin() + static_cast<std::ptrdiff_t>(first.index), replacement.begin(),
                   replacement.end());
    length_ -= count;
}

char16_t PieceTable::at(std::size_t pos) const {
    if (pos >= length_) throw std::out_of_range("PieceTable::at: position past end of text");
    const Location loc = locate(pos);
    return view(pieces_[loc.index])[loc.offset];
}

std::u16string PieceTable::substr(std::size_t pos, std::size_t count) const {
    if (pos > length_) throw std::out_of_range("PieceTable::substr: position past end of text");
    std::u16string out;
    out.reserve(std::min(count, length_ - pos));
    forEachChunk(pos, count, [&out](std::u16string_view chunk) { out.append(chunk); });
    return out;
}

}  // namespace office::word
