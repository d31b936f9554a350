// StartSearch.hpp - type-to-search over start menu entries.
//
// Search runs on every keystroke against a few hundred entries, so it is a
// plain in-memory scan with a cheap scoring function; there is no index.
// Matching is case-insensitive and considers, from strongest to weakest:
//
//   Exact       "mail"  ->  "Mail"
//   Prefix      "term"  ->  "Terminal"
//   WordPrefix  "edit"  ->  "Photo Editor"
//   Initials    "pe"    ->  "Photo Editor"
//   Substring   "ditor" ->  "Photo Editor"
//   AppId       "calc"  ->  id "Vendor.Calculator" when the name is localised
//
// Frequently launched entries get a bonus so that the app the user actually
// wants tends to win among matches of the same kind.

#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shell/StartMenu.hpp"

namespace shell::startmenu {

enum class MatchKind { Exact, Prefix, WordPrefix, Initials, Substring, AppId };

struct SearchMatch {
    const StartEntry* entry = nullptr;
    MatchKind kind = MatchKind::Substring;
    int score = 0;
};

// Trims, folds case and collapses runs of whitespace to one space.
std::wstring NormalizeQuery(std::wstring_view query);

// Scores one entry against an already normalised query.
std::optional<SearchMatch> MatchEntry(const StartEntry& entry, std::wstring_view normalizedQuery);

// Best matches first. An empty or all-whitespace query matches nothing.
std::vector<SearchMatch> SearchEntries(const std::vector<const StartEntry*>& candidates,
                                       std::wstring_view query, std::size_t maxResults);

}  // namespace shell::startmenu
