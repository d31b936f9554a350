// ThumbnailCache.cpp - budgeted thumbnail cache.

#include "shell/ThumbnailCache.hpp"

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
        const std::wstring keyString = MakeKeyString(key);
        {
            std::lock_guard<std::mutex> guard(lock_);
            const auto it = entries_.find(keyString);
            if (it != entries_.end()) {
                *bitmap = it->second;
                return SH_OK;
            }
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
        auto& slot = entries_[keyString];
        if (slot) {
            bytesInUse_ -= slot->ByteSize();
        }
        slot = decoded;
        bytesInUse_ += decoded->ByteSize();
        EvictToBudgetLocked();
        *bitmap = std::move(decoded);
        return SH_OK;
    } catch (...) {
        return ResultFromCurrentException();
    }
}

void ThumbnailCache::EvictToBudgetLocked() {
    // TODO(amara): this drops entries in hash order, which throws away the
    // thumbnails the user is looking at as often as stale ones. Replace with
    // least-recently-used once the scrolling traces are in.
    while (bytesInUse_ > budget_ && !entries_.empty()) {
        const auto victim = entries_.begin();
        bytesInUse_ -= victim->second->ByteSize();
        entries_.erase(victim);
    }
}

std::size_t ThumbnailCache::Invalidate(std::wstring_view path) {
    const std::wstring prefix = text::NormalizePathKey(path) + L'|';
    std::lock_guard<std::mutex> guard(lock_);
    std::size_t removed = 0;
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->first.compare(0, prefix.size(), prefix) == 0) {
            bytesInUse_ -= it->second->ByteSize();
            it = entries_.erase(it);
            ++removed;
        } else {
            ++it;
        }
    }
    return removed;
}

void ThumbnailCache::Clear() {
    std::lock_guard<std::mutex> guard(lock_);
    entries_.clear();
    bytesInUse_ = 0;
}

std::size_t ThumbnailCache::BytesInUse() const {
    std::lock_guard<std::mutex> guard(lock_);
    return bytesInUse_;
}

}  // namespace shell::thumbcache
