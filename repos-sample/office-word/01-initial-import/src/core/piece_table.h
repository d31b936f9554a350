#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace office::word {

// A piece table stores document text as a sequence of spans ("pieces") that
// point either into the immutable original buffer (the text loaded from disk)
// or into an append-only buffer holding everything typed or pasted since.
//
// Edits never move existing characters; they split and splice pieces. That
// keeps insertion cost independent of document size and means the add buffer
// only ever grows, so a span recorded by the undo stack stays valid for the
// lifetime of the table.
//
// Positions are UTF-16 code unit offsets. Callers that care about code points
// (caret movement, line breaking) are responsible for not splitting a
// surrogate pair; the table itself does not interpret the text.
class PieceTable {
public:
    enum class Source : std::uint8_t { Original, Added };

    struct Piece {
        Source source;
        std::size_t start;   // offset into the source buffer
        std::size_t length;  // code units; never zero
    };

    PieceTable() = default;
    explicit PieceTable(std::u16string original);

    std::size_t length() const noexcept { return length_; }
    bool empty() const noexcept { return length_ == 0; }
    std::size_t pieceCount() const noexcept { return pieces_.size(); }
    std::size_t addedBufferSize() const noexcept { return added_.size(); }

    // Inserts `text` before `pos`. Throws std::out_of_range if pos > length().
    void insert(std::size_t pos, std::u16string_view text);

    // Removes up to `count` code units starting at `pos`; the count is clamped
    // at the end of the text. Throws std::out_of_range if pos > length().
    void erase(std::size_t pos, std::size_t count);

    char16_t at(std::size_t pos) const;
    std::u16string substr(std::size_t pos, std::size_t count) const;
    std::u16string text() const { return substr(0, length_); }

    // Calls visit(std::u16string_view) for each contiguous chunk of the range,
    // in order, without materialising the range as one string.
    template <typename Visitor>
    void forEachChunk(std::size_t pos, std::size_t count, Visitor&& visit) const;

private:
    struct Location {
        std::size_t index;   // piece index; pieces_.size() means "at the end"
        std::size_t offset;  // offset within that piece
    };

    Location locate(std::size_t pos) const;
    std::u16string_view view(const Piece& piece) const;
    void invalidateCache() const noexcept;

    std::u16string original_;
    std::u16string added_;
    std::vector<Piece> pieces_;
    std::size_t length_ = 0;

    // Last piece found by locate(). Rendering and spell checking walk the
    // text front to back, so resuming from here avoids a rescan per lookup.
    mutable std::size_t cacheIndex_ = 0;
    mutable std::size_t cacheStart_ = 0;
};

template <typename Visitor>
void PieceTable::forEachChunk(std::size_t pos, std::size_t count, Visitor&& visit) const {
    if (pos >= length_ || count == 0) return;
    count = std::min(count, length_ - pos);

    Location loc = locate(pos);
    while (count > 0 && loc.index < pieces_.size()) {
        std::u16string_view chunk = view(pieces_[loc.index]).substr(loc.offset);
        if (chunk.size() > count) chunk = chunk.substr(0, count);
        visit(chunk);
        count -= chunk.size();
        ++loc.index;
        loc.offset = 0;
    }
}

}  // namespace office::word
