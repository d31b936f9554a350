// DefaultVerbs.cpp - the shell's own context menu commands.
//
// Extensions add their commands after these, and ContextMenuBuilder gives
// the first source to claim a verb priority, so an extension cannot replace
// "delete" with its own implementation.

#include "resource.h"
#include "shell/ContextMenu.h"
#include "shell/ShellFolder.h"
#include "shell/StringUtil.h"

namespace shell {
namespace {

constexpr std::wstring_view kVerbOpen = L"open";
constexpr std::wstring_view kVerbCopyAsPath = L"copyaspath";
constexpr std::wstring_view kVerbRename = L"rename";
constexpr std::wstring_view kVerbDelete = L"delete";
constexpr std::wstring_view kVerbProperties = L"properties";

MenuCommand MakeCommand(std::wstring_view verb, const wchar_t* fallbackLabel,
                        std::uint32_t resourceId) {
    MenuCommand command;
    command.verb = verb;
    command.label = fallbackLabel;
    command.labelResourceId = resourceId;
    return command;
}

class DefaultVerbSource final : public ShellObject<IContextMenuSource> {
public:
    explicit DefaultVerbSource(IDefaultVerbHandler* handler) : handler_(handler) {}

    ShResult QueryCommands(const std::vector<ItemIdList>& selection,
                           std::vector<MenuCommand>* commands) override {
        if (commands == nullptr) {
            return SH_E_POINTER;
        }
        if (selection.empty()) {
            return SH_FALSE;  // background verbs come from the folder's own source
        }
        try {
            // An attribute is offered only if every selected item has it.
            std::uint32_t common = ~0u;
            for (const ItemIdList& item : selection) {
                common &= handler_->GetAttributes(item);
            }

            MenuCommand open = MakeCommand(kVerbOpen, L"&Open", IDS_VERB_OPEN);
            open.isDefault = true;
            commands->push_back(std::move(open));

            if (common & kItemFileSystem) {
                // TODO(priya): give "Copy as path" a string id once the
                // translators' spring drop is in.
                MenuCommand copy = MakeCommand(kVerbCopyAsPath, L"Copy as &path", 0);
                copy.extended = true;
                commands->push_back(std::move(copy));
            }

            MenuCommand rename = MakeCommand(kVerbRename, L"Re&name", IDS_VERB_RENAME);
            rename.enabled = selection.size() == 1 && (common & kItemCanRename) != 0;
            commands->push_back(std::move(rename));

            MenuCommand remove = MakeCommand(kVerbDelete, L"&Delete", IDS_VERB_DELETE);
            remove.enabled = (common & kItemCanDelete) != 0;
            commands->push_back(std::move(remove));

            commands->push_back(MakeCommand(kVerbProperties, L"P&roperties", IDS_VERB_PROPERTIES));
            return SH_OK;
        } catch (...) {
            return ResultFromCurrentException();
        }
    }

    ShResult InvokeCommand(std::wstring_view verb,
                           const std::vector<ItemIdList>& selection) override {
        if (selection.empty()) {
            return SH_E_INVALIDARG;
        }
        if (text::EqualsIgnoreCase(verb, kVerbOpen)) {
            return handler_->Open(selection);
        }
        if (text::EqualsIgnoreCase(verb, kVerbCopyAsPath)) {
            return handler_->CopyAsPath(selection);
        }
        if (text::EqualsIgnoreCase(verb, kVerbRename)) {
            return selection.size() == 1 ? handler_->BeginRename(selection.front())
                                         : SH_E_INVALIDARG;
        }
        if (text::EqualsIgnoreCase(verb, kVerbDelete)) {
            return handler_->Delete(selection);
        }
        if (text::EqualsIgnoreCase(verb, kVerbProperties)) {
            return handler_->ShowProperties(selection);
        }
        return SH_E_NOTFOUND;
    }

private:
    IDefaultVerbHandler* handler_;
};

}  // namespace

ShResult CreateDefaultVerbSource(IDefaultVerbHandler* handler, IContextMenuSource** source) {
    if (handler == nullptr || source == nullptr) {
        return SH_E_POINTER;
    }
    *source = nullptr;
    auto object = MakeShellObject<DefaultVerbSource>(handler);
    if (!object) {
        return SH_E_OUTOFMEMORY;
    }
    *source = object.Detach();
    return SH_OK;
}

}  // namespace shell
