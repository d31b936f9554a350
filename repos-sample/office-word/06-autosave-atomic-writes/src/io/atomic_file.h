#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace office::word {

// Suffix marker of temporary files created by writeFileAtomically. Callers
// that scan directories use it to recognise (and clean up) leftovers from a
// crash in the middle of a write.
inline constexpr std::string_view kAtomicTempMarker = ".tmp-";

// Replaces `target` with `bytes` such that, after a crash or power loss at
// any moment, `target` holds either its previous content or the complete
// new content, never a truncated mix.
//
// The data is written to a temporary file in the same directory (so the
// final rename stays within one file system), flushed to stable storage,
// renamed over the target, and on POSIX the directory entry is flushed too.
// The temporary file is removed if anything fails.
//
// New files are created readable by the owner only: everything this
// function writes today is recovery data for a user's private documents.
//
// Throws std::system_error on failure.
void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes);

}  // namespace office::word
