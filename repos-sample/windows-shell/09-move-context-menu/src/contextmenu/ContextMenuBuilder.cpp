// ContextMenuBuilder.cpp - merges command sources into one context menu.

#include <algorithm>
#include <unordered_set>

#include "shell/ContextMenu.h"
#include "shell/Diagnostics.h"
#include "shell/StringUtil.h"

namespace shell {
namespace {

constexpr std::string_view kComponent = "contextmenu";

}  // namespace

ShResult ContextMenuBuilder::AddSource(IShellUnknown* source) {
    if (source == nullptr) {
        return SH_E_POINTER;
    }
    ComRef<IContextMenuSource> menuSource;
    const ShResult hr = source->QueryInterface(IContextMenuSource::kIid, menuSource.PutVoid());
    if (Failed(hr)) {
        return hr;
    }
    try {
        sources_.push_back(std::move(menuSource));
    } catch (...) {
        return ResultFromCurrentException();
    }
    return SH_OK;
}

ShResult ContextMenuBuilder::Build(const std::vector<ItemIdList>& selection,
                                   bool includeExtended) {
    try {
        selection_ = selection;
        commands_.clear();
        origins_.clear();

        std::unordered_set<std::wstring> seenVerbs;
        std::uint32_t nextId = kFirstCommandId;

        for (std::size_t index = 0; index < sources_.size(); ++index) {
            std::vector<MenuCommand> contributed;
            const ShResult hr = sources_[index]->QueryCommands(selection_, &contributed);
            if (Failed(hr)) {
                diag::Check(kComponent, "QueryCommands on source " + std::to_string(index), hr);
                continue;
            }
            if (contributed.size() > kMaxCommandsPerSource) {
                diag::Log(diag::Level::Warning, kComponent,
                          "source " + std::to_string(index) + " offered " +
                              std::to_string(contributed.size()) + " commands; truncating");
                contributed.resize(kMaxCommandsPerSource);
            }

            bool firstFromSource = true;
            for (MenuCommand& command : contributed) {
                if (command.verb.empty() ||
                    (command.label.empty() && command.labelResourceId == 0)) {
                    continue;
                }
                if (command.extended && !includeExtended) {
                    continue;
                }
                // The earliest source wins a verb; later duplicates (an
                // extension re-adding "open") are dropped.
                if (!seenVerbs.insert(text::FoldCase(command.verb)).second) {
                    continue;
                }
                command.id = nextId++;
                command.separatorBefore = firstFromSource && !commands_.empty();
                firstFromSource = false;
                origins_.push_back({index, command.id});
                commands_.push_back(std::move(command));
            }
        }

        // Exactly one default: the first one claimed, or the first enabled
        // command when nobody claimed one.
        auto chosen = std::find_if(commands_.begin(), commands_.end(),
                                   [](const MenuCommand& c) { return c.isDefault && c.enabled; });
        if (chosen == commands_.end()) {
            chosen = std::find_if(commands_.begin(), commands_.end(),
                                  [](const MenuCommand& c) { return c.enabled; });
        }
        for (auto it = commands_.begin(); it != commands_.end(); ++it) {
            it->isDefault = it == chosen;
        }
        return commands_.empty() ? SH_FALSE : SH_OK;
    } catch (...) {
        commands_.clear();
        origins_.clear();
        return ResultFromCurrentException();
    }
}

const MenuCommand* ContextMenuBuilder::DefaultCommand() const noexcept {
    for (const MenuCommand& command : commands_) {
        if (command.isDefault) {
            return &command;
        }
    }
    return nullptr;
}

ShResult ContextMenuBuilder::Invoke(std::uint32_t commandId) {
    const auto origin = std::find_if(origins_.begin(), origins_.end(),
                                     [&](const Origin& o) { return o.commandId == commandId; });
    const auto command = std::find_if(commands_.begin(), commands_.end(),
                                      [&](const MenuCommand& c) { return c.id == commandId; });
    if (origin == origins_.end() || command == commands_.end()) {
        return SH_E_INVALIDARG;
    }
    if (!command->enabled) {
        return SH_E_ACCESSDENIED;
    }
    return diag::Check(kComponent, "InvokeCommand",
                       sources_[origin->sourceIndex]->InvokeCommand(command->verb, selection_));
}

ShResult ContextMenuBuilder::InvokeVerb(std::wstring_view verb) {
    for (const MenuCommand& command : commands_) {
        if (text::EqualsIgnoreCase(command.verb, verb)) {
            return Invoke(command.id);
        }
    }
    return SH_E_NOTFOUND;
}

}  // namespace shell
