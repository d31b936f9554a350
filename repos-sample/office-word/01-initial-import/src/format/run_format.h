#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace office::word {

enum class UnderlineStyle : std::uint8_t { None, Single, Double, Dotted, Wavy };
enum class VerticalPosition : std::uint8_t { Baseline, Superscript, Subscript };

struct Rgba {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
    std::uint8_t a = 255;

    friend bool operator==(const Rgba&, const Rgba&) = default;
};

// Character-level formatting. Every character in a document has exactly one
// RunFormat; consecutive characters with equal formats form a run.
//
// The struct is a plain value: documents intern each distinct format once in
// a FormatPool and runs refer to it by id, so equality and hashing must cover
// every field. Add new fields to RunFormatHash as well.
struct RunFormat {
    std::string fontFamily = "Serif";
    std::uint16_t sizeHalfPoints = 22;  // 11 pt; half points match the file format
    bool bold = false;
    bool italic = false;
    bool strikethrough = false;
    bool hidden = false;
    UnderlineStyle underline = UnderlineStyle::None;
    VerticalPosition position = VerticalPosition::Baseline;
    Rgba color;
    std::optional<Rgba> highlight;
    std::string language = "en-US";  // BCP 47; selects dictionary and hyphenation
    bool noProof = false;            // exclude from spelling and grammar checks

    double sizePoints() const noexcept { return sizeHalfPoints / 2.0; }

    friend bool operator==(const RunFormat&, const RunFormat&) = default;
};

struct RunFormatHash {
    std::size_t operator()(const RunFormat& f) const noexcept {
        std::size_t seed = std::hash<std::string>{}(f.fontFamily);
        auto mix = [&seed](std::size_t value) {
            seed ^= value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2);
        };
        mix(f.sizeHalfPoints);
        mix((f.bold ? 1u : 0u) | (f.italic ? 2u : 0u) | (f.strikethrough ? 4u : 0u) |
            (f.hidden ? 8u : 0u) | (f.noProof ? 16u : 0u));
        mix(static_cast<std::size_t>(f.underline) << 4 | static_cast<std::size_t>(f.position));
        mix(static_cast<std::size_t>(f.color.r) << 24 | f.color.g << 16 | f.color.b << 8 | f.color.a);
        if (f.highlight) {
            const Rgba& h = *f.highlight;
            mix(0x100000000ULL | static_cast<std::size_t>(h.r) << 24 | h.g << 16 | h.b << 8 | h.a);
        }
        mix(std::hash<std::string>{}(f.language));
        return seed;
    }
};

}  // namespace office::word
