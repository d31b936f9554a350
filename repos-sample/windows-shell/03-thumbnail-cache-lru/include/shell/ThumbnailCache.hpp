// ThumbnailCache.hpp - in-memory cache of decoded thumbnails.
//
// Explorer views ask the cache for a thumbnail per visible item while the
// user scrolls. Decoding is expensive, so bitmaps are kept up to a byte
// budget and evicted least-recently-used first. Entries are keyed by path,
// write time and size, so an edited file misses the cache naturally;
// Invalidate() exists for deletes and renames.

#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "shell/ShellCore.h"

namespace shell::thumbcache {

struct ThumbnailKey {
    std::wstring path;
    std::uint64_t lastWriteTime = 0;
    std::uint64_t fileSize = 0;
    std::uint32_t edgePixels = 0;  // longest edge requested by the view
};

struct ThumbnailBitmap {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::vector<std::uint8_t> pixels;  // 32bpp BGRA, premultiplied, top-down

    std::size_t ByteSize() const noexcept { return pixels.size(); }
};

struct IThumbnailProvider : IShellUnknown {
    static constexpr InterfaceId kIid = {
        0x6d2f0a30, 0x3b41, 0x4c5e, {0x8a, 0x01, 0x52, 0x9c, 0x1e, 0x77, 0x40, 0x20}};

    // Decodes a thumbnail whose longest edge is at most edgePixels.
    virtual ShResult GetThumbnail(const std::wstring& path, std::uint32_t edgePixels,
                                  ThumbnailBitmap* bitmap) = 0;
};

struct CacheStats {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::uint64_t evictions = 0;
    std::uint64_t oversized = 0;  // decoded, handed out, but too big to keep
};

class ThumbnailCache {
public:
    static constexpr std::uint32_t kMaxEdgePixels = 1024;

    // A single bitmap may use at most this fraction of the budget. Without
    // the limit one very large thumbnail would flush everything else.
    static constexpr std::size_t kMaxEntryShareDivisor = 4;

    explicit ThumbnailCache(std::size_t budgetBytes);

    ThumbnailCache(const ThumbnailCache&) = delete;
    ThumbnailCache& operator=(const ThumbnailCache&) = delete;

    // Returns a cached bitmap or asks the provider for one. Thread-safe.
    // The provider runs without the cache lock held, so two threads asking
    // for the same uncached item may both decode it; the second result wins.
    ShResult Get(const ThumbnailKey& key, IThumbnailProvider* provider,
                 std::shared_ptr<const ThumbnailBitmap>* bitmap);

    // Drops every cached size of `path`. Returns how many entries went.
    std::size_t Invalidate(std::wstring_view path);

    void Clear();
    std::size_t BytesInUse() const;
    std::size_t EntryCount() const;
    CacheStats Stats() const;

private:
    struct Entry {
        std::wstring key;
        std::shared_ptr<const ThumbnailBitmap> bitmap;
    };
    using LruList = std::list<Entry>;  // front is the most recently used

    static std::wstring MakeKeyString(const ThumbnailKey& key);
    void InsertLocked(std::wstring key, std::shared_ptr<const ThumbnailBitmap> bitmap);
    void EraseLocked(LruList::iterator entry);
    void EvictToBudgetLocked();

    mutable std::mutex lock_;
    const std::size_t budget_;
    std::size_t bytesInUse_ = 0;
    LruList lru_;
    std::unordered_map<std::wstring, LruList::iterator> index_;
    CacheStats stats_;
};

}  // namespace shell::thumbcache
