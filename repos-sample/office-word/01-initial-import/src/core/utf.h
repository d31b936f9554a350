// UTF-8 <-> UTF-16 conversion helpers used at the edges of the document core.
//
// The document model stores text as UTF-16 code units because that is what
// the platform text stacks and the plugin ABI expose. Files on disk are UTF-8.
// Conversion is strict about malformed input: every invalid sequence becomes
// a single U+FFFD rather than being silently dropped, so that a damaged file
// still round-trips to something the user can see and repair.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace office::word::utf {

inline constexpr char32_t kReplacement = U'\uFFFD';

inline constexpr bool isHighSurrogate(char16_t c) noexcept { return c >= 0xD800 && c <= 0xDBFF; }
inline constexpr bool isLowSurrogate(char16_t c) noexcept { return c >= 0xDC00 && c <= 0xDFFF; }

// Converts UTF-8 to UTF-16. Overlong forms, encoded surrogates, code points
// above U+10FFFF and truncated sequences each become U+FFFD.
std::u16string fromUtf8(std::string_view input);

// Converts UTF-16 to UTF-8. Unpaired surrogates become U+FFFD.
std::string toUtf8(std::u16string_view input);

// Decodes the code point starting at `pos` and advances `pos` past it.
// `pos` must be less than text.size().
char32_t decodeAt(std::u16string_view text, std::size_t& pos);

// Appends `cp` to `out` as one or two UTF-16 code units.
void appendUtf16(std::u16string& out, char32_t cp);

}  // namespace office::word::utf
