#include "core/piece_table.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

namespace office::word {
namespace {

TEST(PieceTable, StartsWithOriginalText) {
    PieceTable table(u"hello world");
    EXPECT_EQ(table.length(), 11u);
    EXPECT_EQ(table.text(), u"hello world");
    EXPECT_EQ(table.pieceCount(), 1u);
}

TEST(PieceTable, EmptyTableHasNoPieces) {
    PieceTable table;
    EXPECT_TRUE(table.empty());
    EXPECT_EQ(table.pieceCount(), 0u);
    table.insert(0, u"abc");
    EXPECT_EQ(table.text(), u"abc");
}

TEST(PieceTable, InsertInMiddleSplitsPiece) {
    PieceTable table(u"hello world");
    table.insert(5, u",");
    EXPECT_EQ(table.text(), u"hello, world");
    EXPECT_EQ(table.pieceCount(), 3u);
}

TEST(PieceTable, SequentialTypingExtendsOnePiece) {
    PieceTable table(u"ab");
    table.insert(1, u"x");
    table.insert(2, u"y");
    table.insert(3, u"z");
    EXPECT_EQ(table.text(), u"axyzb");
    // original-left, added "xyz", original-right
    EXPECT_EQ(table.pieceCount(), 3u);
}

TEST(PieceTable, EraseAcrossPieces) {
    PieceTable table(u"0123456789");
    table.insert(5, u"abc");  // 01234abc56789
    table.erase(3, 6);        // removes "34abc5"
    EXPECT_EQ(table.text(), u"0126789");
    EXPECT_EQ(table.length(), 7u);
}

TEST(PieceTable, EraseIsClampedAtEnd) {
    PieceTable table(u"abcdef");
    table.erase(4, 100);
    EXPECT_EQ(table.text(), u"abcd");
}

TEST(PieceTable, OutOfRangeThrows) {
    PieceTable table(u"abc");
    EXPECT_THROW(table.insert(4, u"x"), std::out_of_range);
    EXPECT_THROW(table.erase(4, 1), std::out_of_range);
    EXPECT_THROW(static_cast<void>(table.at(3)), std::out_of_range);
}

TEST(PieceTable, AtUsesCachedLookupCorrectlyAfterEdits) {
    PieceTable table(u"abcdef");
    EXPECT_EQ(table.at(4), u'e');  // primes the cache at the single piece
    table.insert(2, u"XY");        // abXYcdef
    EXPECT_EQ(table.at(4), u'c');
    EXPECT_EQ(table.at(1), u'b');
    table.erase(0, 3);             // Ycdef
    EXPECT_EQ(table.at(0), u'Y');
}

TEST(PieceTable, ForEachChunkVisitsRangeInOrder) {
    PieceTable table(u"hello world");
    table.insert(5, u" big");
    std::u16string collected;
    std::size_t chunks = 0;
    table.forEachChunk(3, 8, [&](std::u16string_view chunk) {
        collected.append(chunk);
        ++chunks;
    });
    EXPECT_EQ(collected, u"lo big w");
    EXPECT_EQ(chunks, 3u);
}

// Random edits checked against std::u16string as the reference model.
TEST(PieceTable, MatchesReferenceUnderRandomEdits) {
    std::mt19937 rng(20250203);
    std::u16string reference = u"The quick brown fox jumps over the lazy dog.";
    PieceTable table(reference);

    for (int step = 0; step < 5000; ++step) {
        std::uniform_int_distribution<std::size_t> pos(0, reference.size());
        const std::size_t at = pos(rng);
        if (rng() % 3 != 0 || reference.empty()) {
            const std::u16string text(1 + rng() % 4, static_cast<char16_t>(u'a' + rng() % 26));
            reference.insert(at, text);
            table.insert(at, text);
        } else {
            const std::size_t count = rng() % 6;  // both sides clamp at the end
            reference.erase(at, count);
            table.erase(at, count);
        }
        ASSERT_EQ(table.length(), reference.size()) << "step " << step;
    }
    EXPECT_EQ(table.text(), reference);
}

}  // namespace
}  // namespace office::word
