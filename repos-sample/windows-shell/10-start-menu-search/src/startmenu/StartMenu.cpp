// StartMenu.cpp - app list, usage tracking and grouping for the start menu.

#include "shell/StartMenu.hpp"

#include <algorithm>
#include <cwctype>

#include "shell/StartSearch.hpp"
#include "shell/StringUtil.h"

namespace shell::startmenu {
namespace {

wchar_t GroupLetterFor(const std::wstring& name) {
    if (name.empty()) {
        return L'#';
    }
    const auto first = static_cast<std::wint_t>(name.front());
    return std::iswalpha(first) ? static_cast<wchar_t>(std::towupper(first)) : L'#';
}

}  // namespace

StartMenu::StartMenu() : pins_(kDefaultColumns) {}

ShResult StartMenu::RegisterEntry(StartEntry entry) {
    if (entry.id.empty() || entry.displayName.empty() || entry.target.empty()) {
        return SH_E_INVALIDARG;
    }
    try {
        const auto existing = entries_.find(entry.id);
        if (existing != entries_.end()) {
            entry.launchCount = existing->second.launchCount;
            entry.lastLaunchTick = existing->second.lastLaunchTick;
            existing->second = std::move(entry);
            return SH_FALSE;
        }
        std::wstring key = entry.id;
        entries_.emplace(std::move(key), std::move(entry));
        return SH_OK;
    } catch (...) {
        return ResultFromCurrentException();
    }
}

bool StartMenu::RemoveEntry(const std::wstring& id) {
    pins_.Unpin(id);
    return entries_.erase(id) != 0;
}

const StartEntry* StartMenu::FindEntry(const std::wstring& id) const {
    const auto it = entries_.find(id);
    return it == entries_.end() ? nullptr : &it->second;
}

std::vector<LetterGroup> StartMenu::AllApps() const {
    std::vector<const StartEntry*> sorted;
    sorted.reserve(entries_.size());
    for (const auto& [id, entry] : entries_) {
        sorted.push_back(&entry);
    }
    std::sort(sorted.begin(), sorted.end(), [](const StartEntry* a, const StartEntry* b) {
        const int order = text::CompareNatural(a->displayName, b->displayName);
        return order != 0 ? order < 0 : a->id < b->id;
    });

    // '#' sorts before the letters, matching how the jump list shows it.
    std::vector<LetterGroup> groups;
    std::vector<const StartEntry*> symbols;
    for (const StartEntry* entry : sorted) {
        const wchar_t letter = GroupLetterFor(entry->displayName);
        if (letter == L'#') {
            symbols.push_back(entry);
            continue;
        }
        if (groups.empty() || groups.back().letter != letter) {
            groups.push_back(LetterGroup{letter, {}});
        }
        groups.back().entries.push_back(entry);
    }
    if (!symbols.empty()) {
        groups.insert(groups.begin(), LetterGroup{L'#', std::move(symbols)});
    }
    return groups;
}

std::vector<const StartEntry*> StartMenu::MostUsed(std::size_t maxCount) const {
    std::vector<const StartEntry*> used;
    for (const auto& [id, entry] : entries_) {
        if (entry.launchCount > 0) {
            used.push_back(&entry);
        }
    }
    std::sort(used.begin(), used.end(), [](const StartEntry* a, const StartEntry* b) {
        if (a->launchCount != b->launchCount) {
            return a->launchCount > b->launchCount;
        }
        return a->lastLaunchTick > b->lastLaunchTick;
    });
    if (used.size() > maxCount) {
        used.resize(maxCount);
    }
    return used;
}

ShResult StartMenu::RecordLaunch(const std::wstring& id, std::uint64_t tick) {
    const auto it = entries_.find(id);
    if (it == entries_.end()) {
        return SH_E_NOTFOUND;
    }
    StartEntry& entry = it->second;
    if (entry.launchCount < UINT32_MAX) {
        ++entry.launchCount;
    }
    entry.lastLaunchTick = std::max(entry.lastLaunchTick, tick);
    return SH_OK;
}

std::vector<SearchMatch> StartMenu::Search(std::wstring_view query, std::size_t maxResults) const {
    std::vector<const StartEntry*> candidates;
    candidates.reserve(entries_.size());
    for (const auto& [id, entry] : entries_) {
        candidates.push_back(&entry);
    }
    return SearchEntries(candidates, query, maxResults);
}

}  // namespace shell::startmenu
