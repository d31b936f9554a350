#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/piece_table.h"
#include "format/paragraph_format.h"
#include "format/run_list.h"

namespace office::word {

// U+2029 PARAGRAPH SEPARATOR terminates every paragraph, including the last
// one. A document therefore always contains at least one character.
inline constexpr char16_t kParagraphMark = u'\u2029';
// U+2028 LINE SEPARATOR is a manual line break inside a paragraph.
inline constexpr char16_t kLineBreak = u'\u2028';
inline constexpr char16_t kTab = u'\t';

struct TextRange {
    std::size_t start = 0;
    std::size_t length = 0;

    std::size_t end() const noexcept { return start + length; }
    friend bool operator==(const TextRange&, const TextRange&) = default;
};

struct TextChange {
    enum class Kind : std::uint8_t { Text, RunFormat, ParagraphFormat };

    Kind kind = Kind::Text;
    std::size_t position = 0;
    std::size_t removed = 0;   // for format changes removed == inserted == range length
    std::size_t inserted = 0;
    std::size_t paragraphCountBefore = 0;
    std::uint64_t revision = 0;
};

class Document;

// Observers are notified synchronously after every mutation, on the thread
// that made it (in practice the UI thread). They must not modify the
// document from inside the callback.
class DocumentObserver {
public:
    virtual ~DocumentObserver() = default;
    virtual void documentChanged(const Document& document, const TextChange& change) = 0;
};

class Document {
public:
    Document();
    explicit Document(std::u16string_view initialText);

    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    // Deep copy of content and formatting, without observers. Used to hand a
    // consistent snapshot to background work such as autosave.
    std::unique_ptr<Document> clone() const;

    std::size_t length() const noexcept { return text_.length(); }
    const PieceTable& text() const noexcept { return text_; }
    std::u16string plainText(TextRange range) const;

    // Inserts text before `pos`, which must be less than length(): nothing
    // may follow the final paragraph mark. Without an explicit format the
    // new text continues the formatting of the character before the caret.
    void insertText(std::size_t pos, std::u16string_view text,
                    std::optional<FormatId> format = std::nullopt);

    // Erases the range, clamped so that the final paragraph mark survives.
    void eraseText(TextRange range);

    void applyRunFormat(TextRange range, const RunFormat& format);
    void setRunFormatId(TextRange range, FormatId format);

    const FormatPool& formatPool() const noexcept { return formats_; }
    FormatPool& formatPool() noexcept { return formats_; }
    const RunList& runs() const noexcept { return runs_; }
    const RunFormat& runFormatAt(std::size_t pos) const { return formats_.get(runs_.formatAt(pos)); }

    std::size_t paragraphCount() const noexcept { return paragraphStarts_.size(); }
    std::size_t paragraphAt(std::size_t pos) const;
    // Range of paragraph `index`, including its terminating mark.
    TextRange paragraphRange(std::size_t index) const;
    const ParagraphFormat& paragraphFormat(std::size_t index) const;
    void setParagraphFormat(std::size_t index, const ParagraphFormat& format);

    // Incremented by every mutation; lets caches detect staleness cheaply.
    std::uint64_t revision() const noexcept { return revision_; }

    void addObserver(DocumentObserver* observer);
    void removeObserver(DocumentObserver* observer);

private:
    void notify(const TextChange& change);

    PieceTable text_;
    FormatPool formats_;
    RunList runs_;
    std::vector<std::size_t> paragraphStarts_;
    std::vector<ParagraphFormat> paragraphFormats_;
    std::vector<DocumentObserver*> observers_;
    std::uint64_t revision_ = 0;
};

}  // namespace office::word
