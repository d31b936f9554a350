#include "undo/undo_stack.h"

#include <gtest/gtest.h>

#include <chrono>

namespace office::word {
namespace {

using namespace std::chrono_literals;

// Drives the undo stack's notion of time so merge-window tests are exact.
class FakeClock {
public:
    UndoStack::TimeSource source() {
        return [this] { return now_; };
    }
    void advance(std::chrono::milliseconds delta) { now_ += delta; }

private:
    UndoStack::Clock::time_point now_{std::chrono::hours(1)};
};

class UndoStackTest : public ::testing::Test {
protected:
    UndoStackTest() : document(u"\u2029"), undo(document, 100, clock.source()) {}

    void type(std::u16string_view text) {
        for (const char16_t c : text) {
            const std::size_t caret = document.length() - 1;  // before the final mark
            undo.execute(std::make_unique<InsertTextCommand>(caret, std::u16string(1, c)));
            clock.advance(100ms);
        }
    }

    void backspace() {
        const std::size_t caret = document.length() - 1;
        undo.execute(std::make_unique<EraseTextCommand>(TextRange{caret - 1, 1}));
        clock.advance(100ms);
    }

    std::u16string body() const { return document.plainText({0, document.length() - 1}); }

    FakeClock clock;
    Document document;
    UndoStack undo;
};

TEST_F(UndoStackTest, TypingAWordIsOneStep) {
    type(u"hello");
    EXPECT_EQ(undo.size(), 1u);
    EXPECT_EQ(undo.undoLabelKey(), "undo.typing");
    undo.undo();
    EXPECT_EQ(body(), u"");
}

TEST_F(UndoStackTest, EachWordUndoesSeparately) {
    type(u"hello world");
    EXPECT_EQ(undo.size(), 2u);  // "hello " and "world"
    undo.undo();
    EXPECT_EQ(body(), u"hello ");
    undo.undo();
    EXPECT_EQ(body(), u"");
}

TEST_F(UndoStackTest, PauseLongerThanWindowStartsNewStep) {
    type(u"ab");
    clock.advance(5s);
    type(u"cd");
    EXPECT_EQ(undo.size(), 2u);
    undo.undo();
    EXPECT_EQ(body(), u"ab");
}

TEST_F(UndoStackTest, BreakMergeStartsNewStep) {
    type(u"ab");
    undo.breakMerge();
    type(u"cd");
    EXPECT_EQ(undo.size(), 2u);
}

TEST_F(UndoStackTest, EnterIsItsOwnStep) {
    type(u"ab\u2029cd");
    EXPECT_EQ(undo.size(), 3u);
    EXPECT_EQ(document.paragraphCount(), 2u);
}

TEST_F(UndoStackTest, BackspacesCoalesceAndRestoreInOrder) {
    type(u"abcdef");
    undo.breakMerge();
    backspace();
    backspace();
    backspace();
    EXPECT_EQ(body(), u"abc");
    EXPECT_EQ(undo.size(), 2u);
    undo.undo();
    EXPECT_EQ(body(), u"abcdef");
}

TEST_F(UndoStackTest, ForwardDeletesCoalesce) {
    type(u"abcdef");
    undo.breakMerge();
    for (int i = 0; i < 3; ++i) {
        undo.execute(std::make_unique<EraseTextCommand>(TextRange{1, 1}));
        clock.advance(50ms);
    }
    EXPECT_EQ(body(), u"aef");
    EXPECT_EQ(undo.size(), 2u);
    undo.undo();
    EXPECT_EQ(body(), u"abcdef");
}

TEST_F(UndoStackTest, NeverMergesAcrossSavePoint) {
    type(u"ab");
    undo.markClean();
    type(u"cd");
    EXPECT_FALSE(undo.isClean());
    undo.undo();
    EXPECT_TRUE(undo.isClean());
    EXPECT_EQ(body(), u"ab");
}

TEST_F(UndoStackTest, RedoTailIsDroppedByNewEdit) {
    type(u"ab");
    undo.undo();
    EXPECT_TRUE(undo.canRedo());
    type(u"x");
    EXPECT_FALSE(undo.canRedo());
    EXPECT_EQ(body(), u"x");
}

TEST_F(UndoStackTest, GroupUndoesAsOneStep) {
    type(u"one two");
    undo.beginGroup("undo.replace_all");
    undo.execute(std::make_unique<EraseTextCommand>(TextRange{0, 3}));
    undo.execute(std::make_unique<InsertTextCommand>(0, u"three"));
    undo.endGroup();
    EXPECT_EQ(body(), u"three two");
    EXPECT_EQ(undo.undoLabelKey(), "undo.replace_all");
    undo.undo();
    EXPECT_EQ(body(), u"one two");
}

TEST_F(UndoStackTest, UndoOfMergeRestoresParagraphFormats) {
    type(u"Title\u2029Body");
    ParagraphFormat heading;
    heading.styleId = "Heading1";
    heading.alignment = Alignment::Center;
    undo.execute(std::make_unique<ParagraphFormatCommand>(0, heading));

    undo.execute(std::make_unique<EraseTextCommand>(TextRange{3, 5}));  // "le\u2029Bo"
    ASSERT_EQ(document.paragraphCount(), 1u);
    EXPECT_EQ(body(), u"Titdy");
    EXPECT_EQ(document.paragraphFormat(0).styleId, "Heading1");

    undo.undo();
    ASSERT_EQ(document.paragraphCount(), 2u);
    EXPECT_EQ(body(), u"Title\u2029Body");
    EXPECT_EQ(document.paragraphFormat(0).styleId, "Heading1");
    // Used to come back as a centred heading: the re-inserted mark made the
    // new paragraph inherit the format of the one it was split from.
    EXPECT_EQ(document.paragraphFormat(1).styleId, "Normal");
    EXPECT_EQ(document.paragraphFormat(1).alignment, Alignment::Start);
}

TEST_F(UndoStackTest, DeletingWholeParagraphKeepsFollowingParagraphFormat) {
    type(u"Title\u2029Body");
    ParagraphFormat heading;
    heading.styleId = "Heading1";
    undo.execute(std::make_unique<ParagraphFormatCommand>(0, heading));

    undo.execute(std::make_unique<EraseTextCommand>(TextRange{0, 6}));  // "Title\u2029"
    ASSERT_EQ(document.paragraphCount(), 1u);
    EXPECT_EQ(body(), u"Body");
    EXPECT_EQ(document.paragraphFormat(0).styleId, "Normal");

    undo.undo();
    ASSERT_EQ(document.paragraphCount(), 2u);
    EXPECT_EQ(document.paragraphFormat(0).styleId, "Heading1");
    EXPECT_EQ(document.paragraphFormat(1).styleId, "Normal");
}

TEST_F(UndoStackTest, LimitDropsOldestAndForgetsUnreachableCleanState) {
    UndoStack small(document, 2, clock.source());
    small.markClean();
    for (const char16_t* word : {u"a ", u"b ", u"c "}) {
        small.execute(std::make_unique<InsertTextCommand>(document.length() - 1, word));
    }
    EXPECT_EQ(small.size(), 2u);
    small.undo();
    small.undo();
    EXPECT_FALSE(small.canUndo());
    EXPECT_FALSE(small.isClean());
}

}  // namespace
}  // namespace office::word
