// ItemIdList.cpp - construction, validation and navigation of item id lists.

#include "shell/ItemId.h"

#include <cstring>

namespace shell {
namespace {

std::uint16_t ReadSize(const std::uint8_t* p) noexcept {
    // Segments are packed back to back, so size fields are unaligned.
    std::uint16_t size;
    std::memcpy(&size, p, sizeof(size));
    return size;
}

}  // namespace

std::uint16_t ItemIdList::Segment::Size() const noexcept {
    return ReadSize(start_);
}

ItemIdList::ItemIdList() : bytes_(kTerminatorSize, 0) {}

ItemIdList::ItemIdList(std::vector<std::uint8_t> bytes) noexcept : bytes_(std::move(bytes)) {}

ItemIdList ItemIdList::FromRange(const std::uint8_t* first, const std::uint8_t* last) {
    std::vector<std::uint8_t> bytes;
    bytes.reserve(static_cast<std::size_t>(last - first) + kTerminatorSize);
    bytes.insert(bytes.end(), first, last);
    bytes.insert(bytes.end(), kTerminatorSize, 0);
    return ItemIdList(std::move(bytes));
}

ShResult ItemIdList::FromBytes(const std::uint8_t* data, std::size_t size, ItemIdList* out) {
    if (out == nullptr || (data == nullptr && size != 0)) {
        return SH_E_POINTER;
    }

    // Walk the segments without trusting any size field: each must be at
    // least a header long and fit in what is left of the buffer, and the
    // terminator must end exactly at the end of the buffer.
    std::size_t offset = 0;
    for (;;) {
        if (size - offset < kTerminatorSize) {
            return SH_E_INVALIDDATA;
        }
        const std::uint16_t segmentSize = ReadSize(data + offset);
        if (segmentSize == 0) {
            break;
        }
        if (segmentSize < sizeof(SegmentHeader) || segmentSize > size - offset) {
            return SH_E_INVALIDDATA;
        }
        offset += segmentSize;
    }
    if (offset + kTerminatorSize != size) {
        return SH_E_INVALIDDATA;
    }

    try {
        *out = ItemIdList(std::vector<std::uint8_t>(data, data + size));
    } catch (...) {
        return ResultFromCurrentException();
    }
    return SH_OK;
}

ShResult ItemIdList::FromSegment(SegmentKind kind, std::uint8_t flags, const void* payload,
                                 std::size_t payloadSize, ItemIdList* out) {
    if (out == nullptr || (payload == nullptr && payloadSize != 0)) {
        return SH_E_POINTER;
    }
    if (payloadSize > kMaxSegmentSize - sizeof(SegmentHeader)) {
        return SH_E_INVALIDARG;
    }

    const auto segmentSize = static_cast<std::uint16_t>(sizeof(SegmentHeader) + payloadSize);
    try {
        std::vector<std::uint8_t> bytes(segmentSize + kTerminatorSize, 0);
        const SegmentHeader header{segmentSize, kind, flags};
        std::memcpy(bytes.data(), &header, sizeof(header));
        if (payloadSize != 0) {
            std::memcpy(bytes.data() + sizeof(header), payload, payloadSize);
        }
        *out = ItemIdList(std::move(bytes));
    } catch (...) {
        return ResultFromCurrentException();
    }
    return SH_OK;
}

bool ItemIdList::IsEmpty() const noexcept {
    return ReadSize(bytes_.data()) == 0;
}

std::size_t ItemIdList::SegmentCount() const noexcept {
    std::size_t count = 0;
    for (auto it = begin(); it != end(); ++it) {
        ++count;
    }
    return count;
}

std::size_t ItemIdList::OffsetOfLastSegment() const noexcept {
    std::size_t last = PayloadBytes();
    std::size_t offset = 0;
    while (offset < PayloadBytes()) {
        last = offset;
        offset += ReadSize(bytes_.data() + offset);
    }
    return last;
}

ItemIdList ItemIdList::Parent() const {
    if (IsEmpty()) {
        return ItemIdList();
    }
    return FromRange(bytes_.data(), bytes_.data() + OffsetOfLastSegment());
}

ItemIdList ItemIdList::LastSegment() const {
    if (IsEmpty()) {
        return ItemIdList();
    }
    return FromRange(bytes_.data() + OffsetOfLastSegment(), bytes_.data() + PayloadBytes());
}

ItemIdList ItemIdList::FirstSegment() const {
    if (IsEmpty()) {
        return ItemIdList();
    }
    return FromRange(bytes_.data(), bytes_.data() + ReadSize(bytes_.data()));
}

ItemIdList ItemIdList::Rest() const {
    if (IsEmpty()) {
        return ItemIdList();
    }
    return FromRange(bytes_.data() + ReadSize(bytes_.data()), bytes_.data() + PayloadBytes());
}

ItemIdList ItemIdList::Combine(const ItemIdList& relative) const {
    std::vector<std::uint8_t> bytes;
    bytes.reserve(PayloadBytes() + relative.bytes_.size());
    bytes.insert(bytes.end(), bytes_.begin(), bytes_.begin() + PayloadBytes());
    bytes.insert(bytes.end(), relative.bytes_.begin(), relative.bytes_.end());
    return ItemIdList(std::move(bytes));
}

bool ItemIdList::IsAncestorOf(const ItemIdList& other, bool immediateOnly) const noexcept {
    const std::size_t prefix = PayloadBytes();
    if (other.PayloadBytes() <= prefix) {
        return false;
    }
    // Because each segment starts with its own size, a byte-wise prefix match
    // can only end on a segment boundary of `other`.
    if (std::memcmp(bytes_.data(), other.bytes_.data(), prefix) != 0) {
        return false;
    }
    if (!immediateOnly) {
        return true;
    }
    const std::uint16_t next = ReadSize(other.bytes_.data() + prefix);
    return prefix + next == other.PayloadBytes();
}

ShResult ItemIdList::RelativeTo(const ItemIdList& ancestor, ItemIdList* out) const {
    if (out == nullptr) {
        return SH_E_POINTER;
    }
    if (ancestor == *this) {
        *out = ItemIdList();
        return SH_OK;
    }
    if (!ancestor.IsAncestorOf(*this, false)) {
        return SH_E_INVALIDARG;
    }
    try {
        *out = FromRange(bytes_.data() + ancestor.PayloadBytes(), bytes_.data() + PayloadBytes());
    } catch (...) {
        return ResultFromCurrentException();
    }
    return SH_OK;
}

std::size_t ItemIdList::Hash() const noexcept {
    // FNV-1a; lists are short and this runs on every cache lookup.
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (std::uint8_t byte : bytes_) {
        hash ^= byte;
        hash *= 0x100000001b3ull;
    }
    return static_cast<std::size_t>(hash);
}

}  // namespace shell
