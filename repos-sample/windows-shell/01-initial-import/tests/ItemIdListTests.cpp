// ItemIdListTests.cpp - construction, validation and navigation of id lists.

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "shell/ItemId.h"

using shell::ItemIdList;
using shell::SegmentKind;

namespace {

ItemIdList Segment(SegmentKind kind, const std::string& payload) {
    ItemIdList list;
    EXPECT_EQ(shell::SH_OK,
              ItemIdList::FromSegment(kind, 0, payload.data(), payload.size(), &list));
    return list;
}

ItemIdList Path(std::initializer_list<const char*> names) {
    ItemIdList list;
    for (const char* name : names) {
        list = list.Combine(Segment(SegmentKind::Folder, name));
    }
    return list;
}

}  // namespace

TEST(ItemIdList, DefaultIsEmptyRoot) {
    const ItemIdList root;
    EXPECT_TRUE(root.IsEmpty());
    EXPECT_EQ(0u, root.SegmentCount());
    EXPECT_EQ(shell::kTerminatorSize, root.ByteSize());
    EXPECT_TRUE(root.Parent().IsEmpty());
    EXPECT_TRUE(root.LastSegment().IsEmpty());
}

TEST(ItemIdList, SegmentRoundTripsPayload) {
    const ItemIdList list = Segment(SegmentKind::File, "report.txt");
    ASSERT_EQ(1u, list.SegmentCount());
    const auto segment = *list.begin();
    EXPECT_EQ(SegmentKind::File, segment.Kind());
    ASSERT_EQ(10u, segment.PayloadSize());
    EXPECT_EQ(0, std::memcmp(segment.Payload(), "report.txt", 10));
}

TEST(ItemIdList, CombineParentAndLast) {
    const ItemIdList full = Path({"users", "priya", "docs"});
    EXPECT_EQ(3u, full.SegmentCount());
    EXPECT_EQ(Path({"users", "priya"}), full.Parent());
    EXPECT_EQ(Path({"docs"}), full.LastSegment());
    EXPECT_EQ(Path({"users"}), full.FirstSegment());
    EXPECT_EQ(Path({"priya", "docs"}), full.Rest());
}

TEST(ItemIdList, AncestorChecksRespectSegmentBoundaries) {
    const ItemIdList users = Path({"users"});
    const ItemIdList priya = Path({"users", "priya"});
    const ItemIdList docs = Path({"users", "priya", "docs"});

    EXPECT_TRUE(users.IsAncestorOf(docs, false));
    EXPECT_FALSE(users.IsAncestorOf(docs, true));
    EXPECT_TRUE(priya.IsAncestorOf(docs, true));
    EXPECT_FALSE(docs.IsAncestorOf(docs, false));
    EXPECT_TRUE(ItemIdList().IsAncestorOf(users, true));

    // "user" is a byte prefix of "users" but not an ancestor.
    EXPECT_FALSE(Path({"user"}).IsAncestorOf(docs, false));
}

TEST(ItemIdList, RelativeTo) {
    const ItemIdList docs = Path({"users", "priya", "docs"});
    ItemIdList relative;
    ASSERT_EQ(shell::SH_OK, docs.RelativeTo(Path({"users"}), &relative));
    EXPECT_EQ(Path({"priya", "docs"}), relative);

    ASSERT_EQ(shell::SH_OK, docs.RelativeTo(docs, &relative));
    EXPECT_TRUE(relative.IsEmpty());

    EXPECT_EQ(shell::SH_E_INVALIDARG, docs.RelativeTo(Path({"tmp"}), &relative));
}

TEST(ItemIdList, FromBytesAcceptsWellFormedLists) {
    const ItemIdList original = Path({"a", "bb", "ccc"});
    ItemIdList copy;
    ASSERT_EQ(shell::SH_OK, ItemIdList::FromBytes(original.Data(), original.ByteSize(), &copy));
    EXPECT_EQ(original, copy);
    EXPECT_EQ(original.Hash(), copy.Hash());
}

TEST(ItemIdList, FromBytesRejectsMalformedInput) {
    ItemIdList out;
    const std::uint8_t missingTerminator[] = {5, 0, 0x10, 0, 'x'};
    EXPECT_EQ(shell::SH_E_INVALIDDATA,
              ItemIdList::FromBytes(missingTerminator, sizeof(missingTerminator), &out));

    const std::uint8_t overlongSegment[] = {40, 0, 0x10, 0, 'x', 0, 0};
    EXPECT_EQ(shell::SH_E_INVALIDDATA,
              ItemIdList::FromBytes(overlongSegment, sizeof(overlongSegment), &out));

    const std::uint8_t shorterThanHeader[] = {2, 0, 0, 0};
    EXPECT_EQ(shell::SH_E_INVALIDDATA,
              ItemIdList::FromBytes(shorterThanHeader, sizeof(shorterThanHeader), &out));

    const std::uint8_t trailingBytes[] = {0, 0, 0xAA};
    EXPECT_EQ(shell::SH_E_INVALIDDATA,
              ItemIdList::FromBytes(trailingBytes, sizeof(trailingBytes), &out));

    EXPECT_EQ(shell::SH_E_POINTER, ItemIdList::FromBytes(nullptr, 4, &out));
}

TEST(ItemIdList, FromSegmentRejectsOversizedPayload) {
    const std::string huge(shell::kMaxSegmentSize, 'x');
    ItemIdList out;
    EXPECT_EQ(shell::SH_E_INVALIDARG,
              ItemIdList::FromSegment(SegmentKind::File, 0, huge.data(), huge.size(), &out));
}
