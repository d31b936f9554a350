// FileSystemFolder.cpp - IShellFolderNode over a directory on disk.
//
// Segments produced here carry a snapshot of the file's size, write time and
// attributes so that views can sort and show details without touching the
// disk again. The snapshot can go stale; views refresh on change
// notifications rather than trusting it indefinitely.

#include <algorithm>
#include <cstring>
#include <system_error>
#include <vector>

#include "shell/Diagnostics.h"
#include "shell/ShellFolder.h"
#include "shell/StringUtil.h"

namespace shell {
namespace {

constexpr std::string_view kComponent = "namespace.fs";

// Stored in the segment flags so that ids persisted by an older shell (for
// example in a pinned-folder list) are recognised and rejected cleanly.
constexpr std::uint8_t kSegmentVersion = 1;

#pragma pack(push, 1)
struct FsPayload {
    std::uint64_t fileSize;
    std::int64_t lastWriteTicks;  // file_clock ticks
    std::uint32_t attributes;     // ItemAttributes
    std::uint16_t nameBytes;      // length of the UTF-8 name that follows
};
#pragma pack(pop)

struct FsItem {
    FsPayload payload{};
    std::wstring name;
};

ShResult ReadItem(const ItemIdList& relative, FsItem* item) {
    if (relative.IsEmpty()) {
        return SH_E_INVALIDARG;
    }
    const ItemIdList::Segment segment = *relative.begin();
    if ((segment.Kind() != SegmentKind::File && segment.Kind() != SegmentKind::Folder) ||
        segment.Flags() != kSegmentVersion) {
        return SH_E_INVALIDARG;
    }
    if (segment.PayloadSize() < sizeof(FsPayload)) {
        return SH_E_INVALIDDATA;
    }
    std::memcpy(&item->payload, segment.Payload(), sizeof(FsPayload));
    if (segment.PayloadSize() - sizeof(FsPayload) < item->payload.nameBytes) {
        return SH_E_INVALIDDATA;
    }
    const auto* name = reinterpret_cast<const char*>(segment.Payload() + sizeof(FsPayload));
    item->name = text::Utf8ToWide(std::string_view(name, item->payload.nameBytes));
    return SH_OK;
}

bool HasThumbnailExtension(const std::filesystem::path& path) {
    static constexpr std::wstring_view kExtensions[] = {L".png", L".jpg", L".jpeg", L".bmp",
                                                        L".gif", L".tif", L".tiff"};
    const std::wstring extension = path.extension().wstring();
    return std::any_of(std::begin(kExtensions), std::end(kExtensions),
                       [&](std::wstring_view e) { return text::EqualsIgnoreCase(e, extension); });
}

ShResult MakeSegment(const std::filesystem::directory_entry& entry, ItemIdList* out) {
    std::error_code ec;
    const bool isDirectory = entry.is_directory(ec);

    FsPayload payload{};
    payload.fileSize = isDirectory ? 0 : entry.file_size(ec);
    if (ec) {
        payload.fileSize = 0;
        ec.clear();
    }
    const auto writeTime = entry.last_write_time(ec);
    payload.lastWriteTicks = ec ? 0 : static_cast<std::int64_t>(writeTime.time_since_epoch().count());

    const std::filesystem::path filename = entry.path().filename();
    const std::string name = text::WideToUtf8(filename.wstring());
    if (name.size() > kMaxSegmentSize - sizeof(SegmentHeader) - sizeof(FsPayload)) {
        return SH_E_INVALIDARG;
    }
    payload.nameBytes = static_cast<std::uint16_t>(name.size());

    payload.attributes = kItemFileSystem | kItemCanRename | kItemCanDelete;
    if (isDirectory) {
        payload.attributes |= kItemFolder;
    } else if (HasThumbnailExtension(filename)) {
        payload.attributes |= kItemHasThumbnail;
    }
    // TODO(priya): honour the file-system hidden bit once the platform layer
    // exposes it. Until then dot-prefixed names (tool folders such as .git)
    // are treated as hidden so they do not clutter the default view.
    if (!name.empty() && name.front() == '.') {
        payload.attributes |= kItemHidden;
    }

    std::vector<std::uint8_t> buffer(sizeof(FsPayload) + name.size());
    std::memcpy(buffer.data(), &payload, sizeof(FsPayload));
    std::memcpy(buffer.data() + sizeof(FsPayload), name.data(), name.size());
    return ItemIdList::FromSegment(isDirectory ? SegmentKind::Folder : SegmentKind::File,
                                   kSegmentVersion, buffer.data(), buffer.size(), out);
}

class FsEnumerator final : public ShellObject<IItemEnumerator> {
public:
    explicit FsEnumerator(std::vector<ItemIdList> items) : items_(std::move(items)) {}

    ShResult Next(ItemIdList* item) override {
        if (item == nullptr) {
            return SH_E_POINTER;
        }
        if (next_ >= items_.size()) {
            return SH_FALSE;
        }
        *item = items_[next_++];
        return SH_OK;
    }

    ShResult Reset() override {
        next_ = 0;
        return SH_OK;
    }

private:
    // The directory is read when the enumerator is created. A snapshot keeps
    // callers from seeing a half-updated listing while files change.
    std::vector<ItemIdList> items_;
    std::size_t next_ = 0;
};

class FileSystemFolder final : public ShellObject<IShellFolderNode> {
public:
    explicit FileSystemFolder(std::filesystem::path directory) : directory_(std::move(directory)) {}

    ShResult ParseDisplayName(std::wstring_view name, ItemIdList* relative) override {
        if (relative == nullptr) {
            return SH_E_POINTER;
        }
        const std::size_t separator = name.find_first_of(L"\\/");
        const std::wstring_view first = name.substr(0, separator);
        if (first.empty() || first == L"." || first == L"..") {
            return SH_E_INVALIDARG;
        }
        try {
            std::error_code ec;
            const std::filesystem::directory_entry entry(directory_ / std::wstring(first), ec);
            if (ec || !entry.exists(ec)) {
                return SH_E_NOTFOUND;
            }
            ItemIdList head;
            if (const ShResult hr = MakeSegment(entry, &head); Failed(hr)) {
                return hr;
            }
            const std::wstring_view remainder =
                separator == std::wstring_view::npos ? std::wstring_view() : name.substr(separator + 1);
            if (remainder.empty()) {
                *relative = std::move(head);
                return SH_OK;
            }
            ComRef<IShellFolderNode> child;
            if (const ShResult hr = BindToChild(head, IShellFolderNode::kIid, child.PutVoid());
                Failed(hr)) {
                return hr;
            }
            ItemIdList tail;
            if (const ShResult hr = child->ParseDisplayName(remainder, &tail); Failed(hr)) {
                return hr;
            }
            *relative = head.Combine(tail);
            return SH_OK;
        } catch (...) {
            return ResultFromCurrentException();
        }
    }

    ShResult EnumChildren(std::uint32_t enumFlags, IItemEnumerator** enumerator) override {
        if (enumerator == nullptr) {
            return SH_E_POINTER;
        }
        *enumerator = nullptr;
        try {
            std::vector<ItemIdList> items;
            std::error_code ec;
            for (std::filesystem::directory_iterator it(directory_, ec), end; !ec && it != end;
                 it.increment(ec)) {
                ItemIdList item;
                if (Failed(MakeSegment(*it, &item))) {
                    continue;  // unrepresentable name; skip rather than fail the listing
                }
                FsItem parsed;
                ReadItem(item, &parsed);
                const bool isFolder = (parsed.payload.attributes & kItemFolder) != 0;
                const bool isHidden = (parsed.payload.attributes & kItemHidden) != 0;
                if ((isFolder && !(enumFlags & kEnumFolders)) ||
                    (!isFolder && !(enumFlags & kEnumNonFolders)) ||
                    (isHidden && !(enumFlags & kEnumIncludeHidden))) {
                    continue;
                }
                items.push_back(std::move(item));
            }
            if (ec) {
                diag::Log(diag::Level::Warning, kComponent,
                          "listing " + text::WideToUtf8(directory_.wstring()) + ": " + ec.message());
                return ec == std::errc::permission_denied ? SH_E_ACCESSDENIED : SH_E_NOTFOUND;
            }
            auto object = MakeShellObject<FsEnumerator>(std::move(items));
            if (!object) {
                return SH_E_OUTOFMEMORY;
            }
            *enumerator = object.Detach();
            return SH_OK;
        } catch (...) {
            return ResultFromCurrentException();
        }
    }

    ShResult BindToChild(const ItemIdList& relative, const InterfaceId& iid, void** out) override {
        if (out == nullptr) {
            return SH_E_POINTER;
        }
        *out = nullptr;
        FsItem item;
        if (const ShResult hr = ReadItem(relative, &item); Failed(hr)) {
            return hr;
        }
        if (!(item.payload.attributes & kItemFolder)) {
            return SH_E_INVALIDARG;
        }
        try {
            auto child = MakeShellObject<FileSystemFolder>(directory_ / item.name);
            if (!child) {
                return SH_E_OUTOFMEMORY;
            }
            const ItemIdList rest = relative.Rest();
            if (rest.IsEmpty()) {
                return child->QueryInterface(iid, out);
            }
            return child->BindToChild(rest, iid, out);
        } catch (...) {
            return ResultFromCurrentException();
        }
    }

    ShResult GetDisplayName(const ItemIdList& relative, DisplayNameForm form,
                            std::wstring* name) override {
        if (name == nullptr) {
            return SH_E_POINTER;
        }
        try {
            if (relative.SegmentCount() > 1) {
                ComRef<IShellFolderNode> parent;
                if (const ShResult hr =
                        BindToChild(relative.Parent(), IShellFolderNode::kIid, parent.PutVoid());
                    Failed(hr)) {
                    return hr;
                }
                return parent->GetDisplayName(relative.LastSegment(), form, name);
            }
            FsItem item;
            if (const ShResult hr = ReadItem(relative, &item); Failed(hr)) {
                return hr;
            }
            *name = form == DisplayNameForm::ParsingPath ? (directory_ / item.name).wstring()
                                                         : item.name;
            return SH_OK;
        } catch (...) {
            return ResultFromCurrentException();
        }
    }

    ShResult GetAttributes(const ItemIdList& relative, std::uint32_t* attributes) override {
        if (attributes == nullptr) {
            return SH_E_POINTER;
        }
        FsItem item;
        if (const ShResult hr = ReadItem(relative.LastSegment(), &item); Failed(hr)) {
            return hr;
        }
        *attributes = item.payload.attributes;
        return SH_OK;
    }

    int CompareItems(const ItemIdList& a, const ItemIdList& b, SortColumn column) override {
        FsItem left;
        FsItem right;
        const bool leftValid = Succeeded(ReadItem(a, &left));
        const bool rightValid = Succeeded(ReadItem(b, &right));
        if (!leftValid || !rightValid) {
            return static_cast<int>(rightValid) - static_cast<int>(leftValid);
        }

        // Folders always come first, whatever the column.
        const bool leftFolder = (left.payload.attributes & kItemFolder) != 0;
        const bool rightFolder = (right.payload.attributes & kItemFolder) != 0;
        if (leftFolder != rightFolder) {
            return leftFolder ? -1 : 1;
        }

        int order = 0;
        switch (column) {
        case SortColumn::Size:
            order = (left.payload.fileSize > right.payload.fileSize) -
                    (left.payload.fileSize < right.payload.fileSize);
            break;
        case SortColumn::Modified:
            order = (left.payload.lastWriteTicks > right.payload.lastWriteTicks) -
                    (left.payload.lastWriteTicks < right.payload.lastWriteTicks);
            break;
        case SortColumn::Type:
            order = text::CompareNatural(std::filesystem::path(left.name).extension().wstring(),
                                         std::filesystem::path(right.name).extension().wstring());
            break;
        case SortColumn::Name:
            break;
        }
        return order != 0 ? order : text::CompareNatural(left.name, right.name);
    }

private:
    std::filesystem::path directory_;
};

}  // namespace

ShResult CreateFileSystemFolder(const std::filesystem::path& directory, IShellFolderNode** folder) {
    if (folder == nullptr) {
        return SH_E_POINTER;
    }
    *folder = nullptr;
    try {
        std::error_code ec;
        if (!std::filesystem::is_directory(directory, ec)) {
            return ec ? SH_E_ACCESSDENIED : SH_E_NOTFOUND;
        }
        auto object = MakeShellObject<FileSystemFolder>(directory);
        if (!object) {
            return SH_E_OUTOFMEMORY;
        }
        *folder = object.Detach();
        return SH_OK;
    } catch (...) {
        return ResultFromCurrentException();
    }
}

}  // namespace shell
