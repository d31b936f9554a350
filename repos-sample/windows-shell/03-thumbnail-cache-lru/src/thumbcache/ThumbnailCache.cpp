// ThumbnailCache.cpp - budgeted, least-recently-used thumbnail cache.

#include "shell/ThumbnailCache.hpp"

#include <iterator>

#include "shell/Diagnostics.h"
#include "shell/StringUtil.h"

namespace shell::thumbcache {
namespace {

constexpr std::string_view kComponent = "thumbcache";

bool IsWellFormed(const ThumbnailBitmap& bitmap, std::uint32_t edgePixels) {
    if (bitmap.width == 0 || bitmap.height == 0) {
        return false;
    }
    if (bitmap.width > edgePixels || bitmap.height > edgePixels) {
        return false;  // providers must scale down, never hand back the original
    }
    const std::size_t expected = std::size_t{bitmap.width} * bitmap.height * 4;
    return bitmap.pixels.size() == expected;
}

}  // namespace

ThumbnailCache::ThumbnailCache(std::size_t budgetBytes) : budget_(budgetBytes) {}

std::wstring ThumbnailCache::MakeKeyString(const ThumbnailKey& key) {
    // The path comes first so that Invalidate() can match on a prefix.
    std::wstring text = text::NormalizePathKey(key.path);
    text += L'|';
    text += std::to_wstring(key.lastWriteTime);
    text += L'|';
    text += std::to_wstring(key.fileSize);
    text += L'|';
    text += std::to_wstring(key.edgePixels);
    return text;
}

ShResult ThumbnailCache::Get(const ThumbnailKey& key, IThumbnailProvider* provider,
                             std::shared_ptr<const ThumbnailBitmap>* bitmap) {
    if (bitmap == nullptr || provider == nullptr) {
        return SH_E_POINTER;
    }
    bitmap->reset();
    if (key.path.empty() || key.edgePixels == 0 || key.edgePixels > kMaxEdgePixels) {
        return SH_E_INVALIDARG;
    }

    try {
        std::wstring keyString = MakeKeyString(key);
        {
            std::lock_guard<std::mutex> guard(lock_);
            const auto found = index_.find(keyString);
            if (found != index_.end()) {
                lru_.splice(lru_.begin(), lru_, found->second);
                ++stats_.hits;
                *bitmap = found->second->bitmap;
                return SH_OK;
            }
            ++stats_.misses;
        }

        auto decoded = std::make_shared<ThumbnailBitmap>();
        const ShResult hr = provider->GetThumbnail(key.path, key.edgePixels, decoded.get());
        if (Failed(hr)) {
            return diag::Check(kComponent, "GetThumbnail", hr);
        }
        if (!IsWellFormed(*decoded, key.edgePixels)) {
            diag::Log(diag::Level::Warning, kComponent,
                      "provider returned a malformed bitmap for " + text::WideToUtf8(key.path));
            return SH_E_INVALIDDATA;
        }

        std::lock_guard<std::mutex> guard(lock_);
        if (decoded->ByteSize() > budget_ / kMaxEntryShareDivisor) {
            ++stats_.oversized;
        } else {
            InsertLocked(std::move(keyString), decoded);
            EvictToBudgetLocked();
        }
        *bitmap = std::move(decoded);
        return SH_OK;
    } catch (...) {
        return ResultFromCurrentException();
    }
}

void ThumbnailCache::InsertLocked(std::wstring key, std::shared_ptr<const ThumbnailBitmap> bitmap) {
    // Another thread may have decoded the same item while we did; replace.
    if (const auto existing = index_.find(key); existing != index_.end()) {
        EraseLocked(existing->second);
    }
    bytesInUse_ += bitmap->ByteSize();
    lru_.push_front(Entry{std::move(key), std::move(bitmap)});
    index_.emplace(lru_.front().key, lru_.begin());
}

void ThumbnailCache::EraseLocked(LruList::iterator entry) {
    bytesInUse_ -= entry->bitmap->ByteSize();
    index_.erase(entry->key);
    lru_.erase(entry);
}

void ThumbnailCache::EvictToBudgetLocked() {
    // Bitmaps already handed to a view stay alive through their shared_ptr;
    // eviction only stops the cache from handing them out again.
    while (bytesInUse_ > budget_ && !lru_.empty()) {
        EraseLocked(std::prev(lru_.end()));
        ++stats_.evictions;
    }
}

std::size_t ThumbnailCache::Invalidate(std::wstring_view path) {
    const std::wstring prefix = text::NormalizePathKey(path) + L'|';
    std::lock_guard<std::mutex> guard(lock_);
    std::size_t removed = 0;
    for (auto it = lru_.begin(); it != lru_.end();) {
        const auto next = std::next(it);
        if (it->key.compare(0, prefix.size(), prefix) == 0) {
            EraseLocked(it);
            ++removed;
        }
        it = next;
    }
    return removed;
}

void ThumbnailCache::Clear() {
    std::lock_guard<std::mutex> guard(lock_);
    index_.clear();
    lru_.clear();
    bytesInUse_ = 0;
}

std::size_t ThumbnailCache::BytesInUse() const {
    std::lock_guard<std::mutex> guard(lock_);
    return bytesInUse_;
}

std::size_t ThumbnailCache::EntryCount() const {
    std::lock_guard<std::mutex> guard(lock_);
    return lru_.size();
}

CacheStats ThumbnailCache::Stats() const {
    std::lock_guard<std::mutex> guard(lock_);
    return stats_;
}

}  // namespace shell::thumbcache
