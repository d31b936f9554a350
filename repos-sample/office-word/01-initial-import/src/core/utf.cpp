#include "core/utf.h"

namespace office::word::utf {

namespace {

// Number of continuation bytes announced by a UTF-8 lead byte, or -1 when the
// byte can never start a well-formed sequence (continuation bytes, 0xC0/0xC1
// which only produce overlong forms, and 0xF5..0xFF which exceed U+10FFFF).
int continuationCount(unsigned char lead) noexcept {
    if (lead < 0x80) return 0;
    if (lead >= 0xC2 && lead <= 0xDF) return 1;
    if (lead >= 0xE0 && lead <= 0xEF) return 2;
    if (lead >= 0xF0 && lead <= 0xF4) return 3;
    return -1;
}

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

void appendUtf16(std::u16string& out, char32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
    if (cp < 0x10000) {
        out.push_back(static_cast<char16_t>(cp));
        return;
    }
    cp -= 0x10000;
    out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
    out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
}

char32_t decodeAt(std::u16string_view text, std::size_t& pos) {
    const char16_t unit = text[pos++];
    if (isHighSurrogate(unit) && pos < text.size() && isLowSurrogate(text[pos])) {
        const char16_t low = text[pos++];
        return 0x10000 + ((static_cast<char32_t>(unit) - 0xD800) << 10) + (low - 0xDC00);
    }
    if (isHighSurrogate(unit) || isLowSurrogate(unit)) return kReplacement;
    return unit;
}

std::u16string fromUtf8(std::string_view input) {
    static constexpr char32_t kMinimumForLength[] = {0, 0x80, 0x800, 0x10000};

    std::u16string out;
    out.reserve(input.size());

    std::size_t i = 0;
    while (i < input.size()) {
        const auto lead = static_cast<unsigned char>(input[i]);
        const int extra = continuationCount(lead);
        if (extra == 0) {
            out.push_back(static_cast<char16_t>(lead));
            ++i;
            continue;
        }
        if (extra < 0 || input.size() - i <= static_cast<std::size_t>(extra)) {
            out.push_back(static_cast<char16_t>(kReplacement));
            ++i;
            continue;
        }

        char32_t cp = lead & (0x3F >> extra);
        bool wellFormed = true;
        for (int k = 1; k <= extra; ++k) {
            const auto next = static_cast<unsigned char>(input[i + k]);
            if ((next & 0xC0) != 0x80) {
                wellFormed = false;
                break;
            }
            cp = (cp << 6) | (next & 0x3F);
        }
        if (wellFormed && (cp < kMinimumForLength[extra] || cp > 0x10FFFF ||
                           (cp >= 0xD800 && cp <= 0xDFFF))) {
            wellFormed = false;
        }

        if (!wellFormed) {
            // Resynchronise on the next byte; the continuation bytes we skipped
            // over will themselves decode as replacement characters if stray.
            out.push_back(static_cast<char16_t>(kReplacement));
            ++i;
            continue;
        }
        appendUtf16(out, cp);
        i += static_cast<std::size_t>(extra) + 1;
    }
    return out;
}

std::string toUtf8(std::u16string_view input) {
    std::string out;
    out.reserve(input.size() + input.size() / 2);
    std::size_t pos = 0;
    while (pos < input.size()) appendUtf8(out, decodeAt(input, pos));
    return out;
}

}  // namespace office::word::utf
