#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace office::word {

class ZipError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Caps applied while reading untrusted archives. Documents arrive as email
// attachments and downloads, so every size and count in the archive is
// treated as hostile until checked against these.
struct ZipLimits {
    std::uint64_t maxArchiveSize = 512ull << 20;
    std::uint64_t maxEntrySize = 256ull << 20;
    std::uint64_t maxTotalUncompressed = 1ull << 30;
    std::size_t maxEntries = 10000;
};

struct ZipEntry {
    std::string name;
    std::uint16_t method = 0;  // 0 = stored, 8 = deflate
    std::uint32_t crc32 = 0;
    std::uint64_t compressedSize = 0;
    std::uint64_t uncompressedSize = 0;
    std::uint64_t localHeaderOffset = 0;
};

// Reads a complete in-memory ZIP archive. Only what document packages need
// is supported: stored and deflated entries, no encryption, no ZIP64, no
// multi-volume archives. Anything else is rejected with ZipError.
class ZipReader {
public:
    explicit ZipReader(std::vector<std::uint8_t> data, ZipLimits limits = {});

    const std::vector<ZipEntry>& entries() const noexcept { return entries_; }
    const ZipEntry* find(std::string_view name) const;

    std::vector<std::uint8_t> read(const ZipEntry& entry) const;
    // Reads a named entry as text. Throws ZipError if it does not exist.
    std::string readText(std::string_view name) const;

private:
    void parseCentralDirectory();
    std::uint16_t u16(std::size_t offset) const;
    std::uint32_t u32(std::size_t offset) const;

    std::vector<std::uint8_t> data_;
    ZipLimits limits_;
    std::size_t directoryOffset_ = 0;  // entry data must end before this
    std::vector<ZipEntry> entries_;
    std::unordered_map<std::string, std::size_t> byName_;
};

// Writes a ZIP archive into memory. Timestamps are fixed so that saving the
// same document twice produces byte-identical files, which keeps autosave
// deduplication and reproducible test fixtures simple.
class ZipWriter {
public:
    // Adds an entry. Pass compress = false for entries that readers sniff at
    // a fixed offset, such as the package's "mimetype".
    void add(std::string_view name, std::string_view content, bool compress = true);

    // Writes the central directory and returns the archive. The writer
    // cannot be used afterwards.
    std::vector<std::uint8_t> finish();

private:
    struct Written {
        std::string name;
        std::uint16_t method;
        std::uint32_t crc32;
        std::uint32_t compressedSize;
        std::uint32_t uncompressedSize;
        std::uint32_t offset;
    };

    std::vector<std::uint8_t> out_;
    std::vector<Written> written_;
    bool finished_ = false;
};

}  // namespace office::word
