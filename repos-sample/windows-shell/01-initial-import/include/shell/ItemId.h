// ItemId.h - item identifier lists, the shell's names for namespace objects.
//
// A list is a sequence of segments, one for each level below the desktop
// root, followed by a two-byte zero terminator:
//
//   +------+------+-------+---------+------+------+-------+-----+--------+
//   | size | kind | flags | payload | size | kind | flags | ... | 0x0000 |
//   +------+------+-------+---------+------+------+-------+-----+--------+
//
// `size` counts the whole segment including its four-byte header. The
// payload belongs to the folder that produced the segment and nobody else may
// interpret it. The empty list (terminator only) names the desktop root.
//
// Lists are value types. Equality is byte equality; two lists that name the
// same object through different folders need not compare equal, so ask the
// folder (IShellFolderNode::CompareItems) when identity matters.

#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

#include "shell/ShellCore.h"

namespace shell {

enum class SegmentKind : std::uint8_t {
    Root = 0x01,
    Volume = 0x02,
    Folder = 0x10,
    File = 0x11,
    Virtual = 0x40,
};

#pragma pack(push, 1)
struct SegmentHeader {
    std::uint16_t size;
    SegmentKind kind;
    std::uint8_t flags;
};
#pragma pack(pop)
static_assert(sizeof(SegmentHeader) == 4, "segment header layout is persisted");

constexpr std::size_t kMaxSegmentSize = 0xFFFF;
constexpr std::size_t kTerminatorSize = sizeof(std::uint16_t);

class ItemIdList {
public:
    // A view of one segment inside a list. Valid while the list is alive
    // and unmodified.
    class Segment {
    public:
        explicit Segment(const std::uint8_t* start) noexcept : start_(start) {}

        std::uint16_t Size() const noexcept;
        SegmentKind Kind() const noexcept { return static_cast<SegmentKind>(start_[2]); }
        std::uint8_t Flags() const noexcept { return start_[3]; }
        const std::uint8_t* Payload() const noexcept { return start_ + sizeof(SegmentHeader); }
        std::size_t PayloadSize() const noexcept { return Size() - sizeof(SegmentHeader); }

    private:
        const std::uint8_t* start_;
    };

    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = Segment;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = Segment;

        explicit Iterator(const std::uint8_t* at) noexcept : at_(at) {}

        Segment operator*() const noexcept { return Segment(at_); }
        Iterator& operator++() noexcept {
            at_ += Segment(at_).Size();
            return *this;
        }
        Iterator operator++(int) noexcept {
            Iterator previous = *this;
            ++*this;
            return previous;
        }
        bool operator==(const Iterator& other) const noexcept { return at_ == other.at_; }
        bool operator!=(const Iterator& other) const noexcept { return at_ != other.at_; }

    private:
        const std::uint8_t* at_;
    };

    // The empty list: the desktop root.
    ItemIdList();

    // Validates untrusted bytes (from disk, the clipboard or another process)
    // and copies them. Rejects truncated segments, segments shorter than a
    // header and trailing bytes after the terminator.
    static ShResult FromBytes(const std::uint8_t* data, std::size_t size, ItemIdList* out);

    // Builds a one-segment list.
    static ShResult FromSegment(SegmentKind kind, std::uint8_t flags, const void* payload,
                                std::size_t payloadSize, ItemIdList* out);

    bool IsEmpty() const noexcept;
    std::size_t SegmentCount() const noexcept;

    // Size in bytes including the terminator.
    std::size_t ByteSize() const noexcept { return bytes_.size(); }
    const std::uint8_t* Data() const noexcept { return bytes_.data(); }

    // All segments but the last. The parent of the empty list is empty.
    ItemIdList Parent() const;
    // The last segment alone; empty for the empty list.
    ItemIdList LastSegment() const;
    // The first segment alone, and everything after it.
    ItemIdList FirstSegment() const;
    ItemIdList Rest() const;

    // Appends a list relative to this one.
    ItemIdList Combine(const ItemIdList& relative) const;

    // True if `other` lies strictly below this list; with immediateOnly,
    // exactly one level below.
    bool IsAncestorOf(const ItemIdList& other, bool immediateOnly) const noexcept;

    // The part of this list below `ancestor`. SH_E_INVALIDARG if `ancestor`
    // is not an ancestor of (or equal to) this list.
    ShResult RelativeTo(const ItemIdList& ancestor, ItemIdList* out) const;

    Iterator begin() const noexcept { return Iterator(bytes_.data()); }
    Iterator end() const noexcept {
        return Iterator(bytes_.data() + bytes_.size() - kTerminatorSize);
    }

    std::size_t Hash() const noexcept;

    friend bool operator==(const ItemIdList& a, const ItemIdList& b) noexcept {
        return a.bytes_ == b.bytes_;
    }
    friend bool operator!=(const ItemIdList& a, const ItemIdList& b) noexcept {
        return !(a == b);
    }

private:
    explicit ItemIdList(std::vector<std::uint8_t> bytes) noexcept;

    // Offset of the last segment, or the terminator offset when empty.
    std::size_t OffsetOfLastSegment() const noexcept;
    std::size_t PayloadBytes() const noexcept { return bytes_.size() - kTerminatorSize; }
    static ItemIdList FromRange(const std::uint8_t* first, const std::uint8_t* last);

    std::vector<std::uint8_t> bytes_;
};

struct ItemIdListHash {
    std::size_t operator()(const ItemIdList& list) const noexcept { return list.Hash(); }
};

}  // namespace shell
