// ThumbnailCacheTests.cpp - hit/miss accounting, LRU eviction, invalidation.

#include <gtest/gtest.h>

#include <map>

#include "shell/ThumbnailCache.hpp"

using namespace shell::thumbcache;

namespace {

// Produces solid square thumbnails and counts how often it is asked.
class FakeProvider final : public shell::ShellObject<IThumbnailProvider> {
public:
    shell::ShResult GetThumbnail(const std::wstring& path, std::uint32_t edgePixels,
                                 ThumbnailBitmap* bitmap) override {
        ++calls[path];
        const std::uint32_t edge = overrideEdge != 0 ? overrideEdge : edgePixels;
        bitmap->width = edge;
        bitmap->height = edge;
        bitmap->pixels.assign(std::size_t{edge} * edge * 4 - (truncate ? 1 : 0), 0x7F);
        return shell::SH_OK;
    }

    std::map<std::wstring, int> calls;
    std::uint32_t overrideEdge = 0;
    bool truncate = false;
};

ThumbnailKey Key(const wchar_t* path, std::uint32_t edge = 16, std::uint64_t writeTime = 1) {
    ThumbnailKey key;
    key.path = path;
    key.lastWriteTime = writeTime;
    key.fileSize = 100;
    key.edgePixels = edge;
    return key;
}

constexpr std::size_t kSixteenSquareBytes = 16 * 16 * 4;

}  // namespace

TEST(ThumbnailCache, SecondRequestIsServedFromCache) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(1 << 20);
    std::shared_ptr<const ThumbnailBitmap> first;
    std::shared_ptr<const ThumbnailBitmap> second;

    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"C:\\pics\\a.png"), provider.Get(), &first));
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"c:/PICS/a.png"), provider.Get(), &second));

    EXPECT_EQ(first, second);
    EXPECT_EQ(1, provider->calls[L"C:\\pics\\a.png"]);
    EXPECT_EQ(1u, cache.Stats().hits);
    EXPECT_EQ(1u, cache.Stats().misses);
}

TEST(ThumbnailCache, EditedFileMissesTheCache) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(1 << 20);
    std::shared_ptr<const ThumbnailBitmap> bitmap;

    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"a.png", 16, 1), provider.Get(), &bitmap));
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"a.png", 16, 2), provider.Get(), &bitmap));
    EXPECT_EQ(2, provider->calls[L"a.png"]);
}

TEST(ThumbnailCache, EvictsLeastRecentlyUsedFirst) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(4 * kSixteenSquareBytes);
    std::shared_ptr<const ThumbnailBitmap> bitmap;

    for (const wchar_t* path : {L"a", L"b", L"c", L"d"}) {
        ASSERT_EQ(shell::SH_OK, cache.Get(Key(path), provider.Get(), &bitmap));
    }
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"a"), provider.Get(), &bitmap));  // touch a
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"e"), provider.Get(), &bitmap));  // evicts b

    EXPECT_EQ(4u, cache.EntryCount());
    EXPECT_EQ(4 * kSixteenSquareBytes, cache.BytesInUse());
    EXPECT_EQ(1u, cache.Stats().evictions);

    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"a"), provider.Get(), &bitmap));
    EXPECT_EQ(1, provider->calls[L"a"]);
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"b"), provider.Get(), &bitmap));
    EXPECT_EQ(2, provider->calls[L"b"]);
}

TEST(ThumbnailCache, OversizedBitmapIsReturnedButNotKept) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(3 * kSixteenSquareBytes);  // share limit is below one entry
    std::shared_ptr<const ThumbnailBitmap> bitmap;

    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"big"), provider.Get(), &bitmap));
    ASSERT_NE(nullptr, bitmap);
    EXPECT_EQ(0u, cache.EntryCount());
    EXPECT_EQ(1u, cache.Stats().oversized);
}

TEST(ThumbnailCache, RejectsMalformedBitmaps) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(1 << 20);
    std::shared_ptr<const ThumbnailBitmap> bitmap;

    provider->truncate = true;
    EXPECT_EQ(shell::SH_E_INVALIDDATA, cache.Get(Key(L"short"), provider.Get(), &bitmap));

    provider->truncate = false;
    provider->overrideEdge = 64;  // larger than the 16 pixels asked for
    EXPECT_EQ(shell::SH_E_INVALIDDATA, cache.Get(Key(L"large"), provider.Get(), &bitmap));
    EXPECT_EQ(nullptr, bitmap);
    EXPECT_EQ(0u, cache.EntryCount());
}

TEST(ThumbnailCache, InvalidateDropsEverySizeOfOnePath) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(1 << 20);
    std::shared_ptr<const ThumbnailBitmap> bitmap;

    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"C:\\a.png", 16), provider.Get(), &bitmap));
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"C:\\a.png", 32), provider.Get(), &bitmap));
    ASSERT_EQ(shell::SH_OK, cache.Get(Key(L"C:\\a.png.bak", 16), provider.Get(), &bitmap));

    EXPECT_EQ(2u, cache.Invalidate(L"c:\\A.PNG"));
    EXPECT_EQ(1u, cache.EntryCount());
    EXPECT_EQ(kSixteenSquareBytes, cache.BytesInUse());
}

TEST(ThumbnailCache, ValidatesArguments) {
    auto provider = shell::MakeShellObject<FakeProvider>();
    ThumbnailCache cache(1 << 20);
    std::shared_ptr<const ThumbnailBitmap> bitmap;

    EXPECT_EQ(shell::SH_E_POINTER, cache.Get(Key(L"a"), nullptr, &bitmap));
    EXPECT_EQ(shell::SH_E_INVALIDARG, cache.Get(Key(L"a", 0), provider.Get(), &bitmap));
    EXPECT_EQ(shell::SH_E_INVALIDARG,
              cache.Get(Key(L"a", ThumbnailCache::kMaxEdgePixels + 1), provider.Get(), &bitmap));
}
