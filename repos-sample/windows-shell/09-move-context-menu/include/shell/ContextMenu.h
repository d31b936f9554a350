// ContextMenu.h - context menu assembly from several command sources.
//
// A context menu is built by asking every registered IContextMenuSource
// (the folder's own verbs, installed extensions, the "Send to" provider, ...)
// for commands that apply to the current selection. The builder merges the
// answers, assigns command ids and routes the user's choice back to the
// source that contributed it.

#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ItemId.h"
#include "shell/ShellCore.h"

namespace shell {

struct MenuCommand {
    std::uint32_t id = 0;              // assigned by ContextMenuBuilder
    std::wstring verb;                 // stable, language-neutral ("open", "rename")
    std::wstring label;                // text with & marking the access key
    std::uint32_t labelResourceId = 0; // if set, the renderer shows this string
                                       // from shellres.dll instead of `label`
    bool isDefault = false;            // shown in bold, invoked on double-click
    bool enabled = true;
    bool extended = false;             // only shown when Shift is held
    bool separatorBefore = false;      // set by the builder between source groups
};

struct IContextMenuSource : IShellUnknown {
    static constexpr InterfaceId kIid = {
        0x6d2f0a20, 0x3b41, 0x4c5e, {0x8a, 0x01, 0x52, 0x9c, 0x1e, 0x77, 0x40, 0x10}};

    // Appends commands for `selection` (absolute ids). Sources must not
    // assume the selection is non-empty: a right-click on the view
    // background passes an empty selection.
    virtual ShResult QueryCommands(const std::vector<ItemIdList>& selection,
                                   std::vector<MenuCommand>* commands) = 0;

    virtual ShResult InvokeCommand(std::wstring_view verb,
                                   const std::vector<ItemIdList>& selection) = 0;
};

class ContextMenuBuilder {
public:
    static constexpr std::uint32_t kFirstCommandId = 0x100;
    static constexpr std::size_t kMaxCommandsPerSource = 32;

    // Accepts any object; it is kept only if it implements IContextMenuSource.
    ShResult AddSource(IShellUnknown* source);

    // Queries every source. A source that fails or misbehaves is skipped so
    // that one broken extension cannot take the whole menu down. Extended
    // commands are dropped unless `includeExtended` (Shift+right-click).
    ShResult Build(const std::vector<ItemIdList>& selection, bool includeExtended = false);

    const std::vector<MenuCommand>& Commands() const noexcept { return commands_; }
    const MenuCommand* DefaultCommand() const noexcept;

    ShResult Invoke(std::uint32_t commandId);
    ShResult InvokeVerb(std::wstring_view verb);

private:
    struct Origin {
        std::size_t sourceIndex;
        std::uint32_t commandId;
    };

    std::vector<ComRef<IContextMenuSource>> sources_;
    std::vector<ItemIdList> selection_;
    std::vector<MenuCommand> commands_;
    std::vector<Origin> origins_;
};

// Carries out the built-in verbs. Implemented by the explorer window, which
// owns the clipboard, the inline rename box and the property sheet.
class IDefaultVerbHandler {
public:
    virtual ~IDefaultVerbHandler() = default;

    // ItemAttributes of an absolute id, or 0 if it can no longer be resolved.
    virtual std::uint32_t GetAttributes(const ItemIdList& absolute) = 0;

    virtual ShResult Open(const std::vector<ItemIdList>& selection) = 0;
    virtual ShResult CopyAsPath(const std::vector<ItemIdList>& selection) = 0;
    virtual ShResult BeginRename(const ItemIdList& item) = 0;
    virtual ShResult Delete(const std::vector<ItemIdList>& selection) = 0;
    virtual ShResult ShowProperties(const std::vector<ItemIdList>& selection) = 0;
};

// The source for open / copy as path / rename / delete / properties. The
// handler must outlive the source.
ShResult CreateDefaultVerbSource(IDefaultVerbHandler* handler, IContextMenuSource** source);

}  // namespace shell
