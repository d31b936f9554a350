// StartSearch.cpp - matching and ranking for start menu search.

#include "shell/StartSearch.hpp"

#include <algorithm>
#include <cwctype>

#include "shell/StringUtil.h"

namespace shell::startmenu {
namespace {

constexpr int kScoreExact = 1000;
constexpr int kScorePrefix = 800;
constexpr int kScoreWordPrefix = 600;
constexpr int kScoreInitials = 500;
constexpr int kScoreSubstring = 300;
constexpr int kScoreAppId = 200;

// Usage can lift an entry within its match kind but never across kinds:
// the largest bonus is below the gap between adjacent kinds.
constexpr std::uint32_t kUsageBonusCap = 40;
constexpr int kUsageBonusPerLaunch = 2;

bool IsSpace(wchar_t c) noexcept {
    return std::iswspace(static_cast<std::wint_t>(c)) != 0;
}

bool IsWordBreak(wchar_t c) noexcept {
    return IsSpace(c) || c == L'-' || c == L'_' || c == L'.' || c == L'(';
}

std::wstring Initials(std::wstring_view foldedName) {
    std::wstring initials;
    bool atWordStart = true;
    for (wchar_t c : foldedName) {
        if (IsWordBreak(c)) {
            atWordStart = true;
        } else if (atWordStart) {
            initials.push_back(c);
            atWordStart = false;
        }
    }
    return initials;
}

bool HasWordPrefix(std::wstring_view foldedName, std::wstring_view query) {
    for (std::size_t i = 1; i < foldedName.size(); ++i) {
        if (IsWordBreak(foldedName[i - 1]) && !IsWordBreak(foldedName[i]) &&
            foldedName.substr(i, query.size()) == query) {
            return true;
        }
    }
    return false;
}

std::optional<MatchKind> ClassifyName(std::wstring_view foldedName, std::wstring_view query) {
    if (foldedName == query) {
        return MatchKind::Exact;
    }
    if (foldedName.substr(0, query.size()) == query) {
        return MatchKind::Prefix;
    }
    if (HasWordPrefix(foldedName, query)) {
        return MatchKind::WordPrefix;
    }
    // Initials only make sense for short queries without spaces.
    if (query.size() >= 2 && query.find(L' ') == std::wstring_view::npos &&
        Initials(foldedName).substr(0, query.size()) == query) {
        return MatchKind::Initials;
    }
    if (query.size() >= 3 && foldedName.find(query) != std::wstring_view::npos) {
        return MatchKind::Substring;
    }
    return std::nullopt;
}

int BaseScore(MatchKind kind) noexcept {
    switch (kind) {
    case MatchKind::Exact: return kScoreExact;
    case MatchKind::Prefix: return kScorePrefix;
    case MatchKind::WordPrefix: return kScoreWordPrefix;
    case MatchKind::Initials: return kScoreInitials;
    case MatchKind::Substring: return kScoreSubstring;
    case MatchKind::AppId: return kScoreAppId;
    }
    return 0;
}

}  // namespace

std::wstring NormalizeQuery(std::wstring_view query) {
    std::wstring normalized;
    normalized.reserve(query.size());
    bool pendingSpace = false;
    for (wchar_t c : query) {
        if (IsSpace(c)) {
            pendingSpace = !normalized.empty();
            continue;
        }
        if (pendingSpace) {
            normalized.push_back(L' ');
            pendingSpace = false;
        }
        normalized.push_back(c);
    }
    return text::FoldCase(normalized);
}

std::optional<SearchMatch> MatchEntry(const StartEntry& entry, std::wstring_view query) {
    if (query.empty()) {
        return std::nullopt;
    }
    std::optional<MatchKind> kind = ClassifyName(text::FoldCase(entry.displayName), query);
    if (!kind) {
        // Match the last component of the app id ("Vendor.Calculator"), which
        // helps when the display name is in another language.
        const std::wstring id = text::FoldCase(entry.id);
        const std::size_t dot = id.rfind(L'.');
        const std::wstring_view tail =
            dot == std::wstring::npos ? std::wstring_view(id) : std::wstring_view(id).substr(dot + 1);
        if (tail.substr(0, query.size()) != query) {
            return std::nullopt;
        }
        kind = MatchKind::AppId;
    }

    SearchMatch match;
    match.entry = &entry;
    match.kind = *kind;
    match.score = BaseScore(*kind) +
                  static_cast<int>(std::min(entry.launchCount, kUsageBonusCap)) * kUsageBonusPerLaunch;
    return match;
}

std::vector<SearchMatch> SearchEntries(const std::vector<const StartEntry*>& candidates,
                                       std::wstring_view query, std::size_t maxResults) {
    const std::wstring normalized = NormalizeQuery(query);
    std::vector<SearchMatch> matches;
    if (normalized.empty() || maxResults == 0) {
        return matches;
    }
    for (const StartEntry* entry : candidates) {
        if (entry == nullptr) {
            continue;
        }
        if (auto match = MatchEntry(*entry, normalized)) {
            matches.push_back(*match);
        }
    }

    const auto better = [](const SearchMatch& a, const SearchMatch& b) {
        if (a.score != b.score) {
            return a.score > b.score;
        }
        const int byName = text::CompareNatural(a.entry->displayName, b.entry->displayName);
        return byName != 0 ? byName < 0 : a.entry->id < b.entry->id;
    };
    if (matches.size() > maxResults) {
        std::partial_sort(matches.begin(), matches.begin() + static_cast<std::ptrdiff_t>(maxResults),
                          matches.end(), better);
        matches.resize(maxResults);
    } else {
        std::sort(matches.begin(), matches.end(), better);
    }
    return matches;
}

}  // namespace shell::startmenu
