// StringUtil.h - conversions and comparisons used throughout the shell.
//
// Shell code keeps text in std::wstring. Configuration files, logs and item
// identifier payloads use UTF-8. The conversions below never throw on bad
// input: malformed sequences become U+FFFD.

#pragma once

#include <string>
#include <string_view>

namespace shell::text {

std::wstring Utf8ToWide(std::string_view utf8);
std::string WideToUtf8(std::wstring_view wide);

// Simple per-code-unit case folding. Good enough for app ids, verbs and the
// path keys the shell builds; not a substitute for locale-aware collation in
// user-visible sorting.
std::wstring FoldCase(std::wstring_view text);
bool EqualsIgnoreCase(std::wstring_view a, std::wstring_view b) noexcept;
bool StartsWithIgnoreCase(std::wstring_view text, std::wstring_view prefix) noexcept;

// Builds a comparison key for a file-system path: case folded, forward
// slashes turned into backslashes, repeated separators collapsed and any
// trailing separator removed (except for a drive root such as "c:\").
std::wstring NormalizePathKey(std::wstring_view path);

// Case-insensitive comparison suitable for sorting names shown to the user
// when no collation service is available. Digit runs compare numerically so
// that "file2" sorts before "file10".
int CompareNatural(std::wstring_view a, std::wstring_view b) noexcept;

}  // namespace shell::text
