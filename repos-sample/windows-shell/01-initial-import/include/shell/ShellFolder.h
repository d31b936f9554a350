// ShellFolder.h - folder and enumerator interfaces of the shell namespace.
//
// Every container the user can browse (a directory, a drive list, the
// recycle area, a search result set) implements IShellFolderNode. Ids passed
// to and returned from a folder are relative to that folder; callers build
// absolute ids with ItemIdList::Combine.

#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "shell/ItemId.h"
#include "shell/ShellCore.h"

namespace shell {

enum ItemAttributes : std::uint32_t {
    kItemFolder = 0x0001,
    kItemFileSystem = 0x0002,
    kItemHidden = 0x0004,
    kItemReadOnly = 0x0008,
    kItemLink = 0x0010,
    kItemCanRename = 0x0100,
    kItemCanDelete = 0x0200,
    kItemHasThumbnail = 0x1000,
};

enum EnumFlags : std::uint32_t {
    kEnumFolders = 0x1,
    kEnumNonFolders = 0x2,
    kEnumIncludeHidden = 0x4,
};

enum class DisplayNameForm {
    Normal,       // what the view shows
    Editing,      // what an inline rename box starts with
    ParsingPath,  // round-trips through ParseDisplayName on the root folder
};

enum class SortColumn { Name, Size, Modified, Type };

struct IItemEnumerator : IShellUnknown {
    static constexpr InterfaceId kIid = {
        0x6d2f0a11, 0x3b41, 0x4c5e, {0x8a, 0x01, 0x52, 0x9c, 0x1e, 0x77, 0x40, 0x01}};

    // SH_OK and the next child's relative id, or SH_FALSE when exhausted.
    virtual ShResult Next(ItemIdList* item) = 0;
    virtual ShResult Reset() = 0;
};

struct IShellFolderNode : IShellUnknown {
    static constexpr InterfaceId kIid = {
        0x6d2f0a12, 0x3b41, 0x4c5e, {0x8a, 0x01, 0x52, 0x9c, 0x1e, 0x77, 0x40, 0x02}};

    // Turns a name typed by the user or a relative path ("docs\\notes.txt")
    // into a relative id. SH_E_NOTFOUND if no such child exists.
    virtual ShResult ParseDisplayName(std::wstring_view name, ItemIdList* relative) = 0;

    virtual ShResult EnumChildren(std::uint32_t enumFlags, IItemEnumerator** enumerator) = 0;

    // Binds to an object below this folder, typically another folder.
    // `relative` may span several levels.
    virtual ShResult BindToChild(const ItemIdList& relative, const InterfaceId& iid,
                                 void** out) = 0;

    virtual ShResult GetDisplayName(const ItemIdList& relative, DisplayNameForm form,
                                    std::wstring* name) = 0;

    // Returns a mask of ItemAttributes.
    virtual ShResult GetAttributes(const ItemIdList& relative, std::uint32_t* attributes) = 0;

    // Negative, zero or positive. Only defined for one-segment ids that this
    // folder produced; anything else sorts after valid ids.
    virtual int CompareItems(const ItemIdList& a, const ItemIdList& b, SortColumn column) = 0;
};

// The folder for one directory on a local or network volume.
ShResult CreateFileSystemFolder(const std::filesystem::path& directory,
                                IShellFolderNode** folder);

}  // namespace shell
