#include "io/zip_archive.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace office::word {

namespace {

constexpr std::uint32_t kLocalHeaderSig = 0x04034b50;
constexpr std::uint32_t kCentralHeaderSig = 0x02014b50;
constexpr std::uint32_t kEndRecordSig = 0x06054b50;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kEndRecordSize = 22;
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint16_t kFlagEncrypted = 0x0001;
constexpr std::uint16_t kFlagUtf8Names = 0x0800;
constexpr std::uint16_t kDosDate1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01

// Entry names are used as lookup keys only, never as file system paths, but
// we still refuse names that would be dangerous if some tool extracted the
// package: absolute paths, drive letters, backslashes and ".." segments.
bool isSafeName(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return false;
    if (name.size() > 1 && name[1] == ':') return false;
    if (name.find('\0') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= name.size()) {
        const std::size_t slash = std::min(name.find('/', start), name.size());
        if (name.substr(start, slash - start) == "..") return false;
        start = slash + 1;
    }
    return true;
}

std::vector<std::uint8_t> inflateRaw(const std::uint8_t* source, std::size_t sourceSize,
                                     std::uint64_t expectedSize, const std::string& name) {
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) throw ZipError("cannot initialise inflate");

    // One spare byte lets us detect streams that expand to more than the
    // size the directory declared, without inflating them any further.
    std::vector<std::uint8_t> out(static_cast<std::size_t>(expectedSize) + 1);
    stream.next_in = const_cast<Bytef*>(source);
    stream.avail_in = static_cast<uInt>(sourceSize);
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());

    const int result = inflate(&stream, Z_FINISH);
    const uLong produced = stream.total_out;
    inflateEnd(&stream);

    if (result != Z_STREAM_END || produced != expectedSize) {
        throw ZipError("corrupt or oversized deflate stream in " + name);
    }
    out.resize(static_cast<std::size_t>(expectedSize));
    return out;
}

void putU16(std::vector<std::uint8_t>& out, std::uint16_t value) {
    out.push_back(static_cast<std::uint8_t>(value));
    out.push_back(static_cast<std::uint8_t>(value >> 8));
}

void putU32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    putU16(out, static_cast<std::uint16_t>(value));
    putU16(out, static_cast<std::uint16_t>(value >> 16));
}

}  // namespace

// --- ZipReader -------------------------------------------------------------

ZipReader::ZipReader(std::vector<std::uint8_t> data, ZipLimits limits)
    : data_(std::move(data)), limits_(limits) {
    if (data_.size() > limits_.maxArchiveSize) throw ZipError("archive exceeds the size limit");
    parseCentralDirectory();
}

std::uint16_t ZipReader::u16(std::size_t offset) const {
    return static_cast<std::uint16_t>(data_[offset] | (data_[offset + 1] << 8));
}

std::uint32_t ZipReader::u32(std::size_t offset) const {
    return static_cast<std::uint32_t>(u16(offset)) | (static_cast<std::uint32_t>(u16(offset + 2)) << 16);
}

void ZipReader::parseCentralDirectory() {
    if (data_.size() < kEndRecordSize) throw ZipError("file is too small to be a ZIP archive");

    // The end record may be followed by a comment of up to 64 KiB, so scan
    // backwards for its signature within that window.
    const std::size_t last = data_.size() - kEndRecordSize;
    const std::size_t floor = last > 0xFFFF ? last - 0xFFFF : 0;
    std::size_t eocd = last;
    while (u32(eocd) != kEndRecordSig) {
        if (eocd == floor) throw ZipError("end of central directory not found");
        --eocd;
    }

    const std::uint16_t thisDisk = u16(eocd + 4);
    const std::uint16_t directoryDisk = u16(eocd + 6);
    const std::uint16_t entriesOnDisk = u16(eocd + 8);
    const std::uint16_t totalEntries = u16(eocd + 10);
    const std::uint32_t directorySize = u32(eocd + 12);
    const std::uint32_t directoryOffset = u32(eocd + 16);

    if (thisDisk != 0 || directoryDisk != 0 || entriesOnDisk != totalEntries) {
        throw ZipError("multi-volume archives are not supported");
    }
    if (totalEntries == 0xFFFF || directoryOffset == 0xFFFFFFFF) {
        throw ZipError("ZIP64 archives are not supported");
    }
    if (totalEntries > limits_.maxEntries) throw ZipError("archive has too many entries");
    if (static_cast<std::uint64_t>(directoryOffset) + directorySize > eocd) {
        throw ZipError("central directory lies outside the archive");
    }

    std::size_t pos = directoryOffset;
    const std::size_t end = pos + directorySize;
    std::uint64_t totalSize = 0;
    entries_.reserve(totalEntries);

    for (std::size_t i = 0; i < totalEntries; ++i) {
        if (pos + kCentralHeaderSize > end || u32(pos) != kCentralHeaderSig) {
            throw ZipError("corrupt central directory");
        }
        const std::uint16_t flags = u16(pos + 8);
        const std::size_t nameLength = u16(pos + 28);
        const std::size_t extraLength = u16(pos + 30);
        const std::size_t commentLength = u16(pos + 32);
        const std::size_t recordSize = kCentralHeaderSize + nameLength + extraLength + commentLength;
        if (pos + recordSize > end) throw ZipError("corrupt central directory");

        ZipEntry entry;
        entry.name.assign(reinterpret_cast<const char*>(&data_[pos + kCentralHeaderSize]), nameLength);
        entry.method = u16(pos + 10);
        entry.crc32 = u32(pos + 16);
        entry.compressedSize = u32(pos + 20);
        entry.uncompressedSize = u32(pos + 24);
        entry.localHeaderOffset = u32(pos + 42);

        if (!isSafeName(entry.name)) throw ZipError("unsafe entry name in archive");
        if ((flags & kFlagEncrypted) != 0) throw ZipError("encrypted entry: " + entry.name);
        if (entry.method != kStored && entry.method != kDeflated) {
            throw ZipError("unsupported compression method in " + entry.name);
        }
        if (entry.compressedSize == 0xFFFFFFFF || entry.uncompressedSize == 0xFFFFFFFF ||
            entry.localHeaderOffset == 0xFFFFFFFF) {
            throw ZipError("ZIP64 entry: " + entry.name);
        }
        if (entry.localHeaderOffset >= directoryOffset) {
            throw ZipError("local header offset out of range: " + entry.name);
        }
        if (entry.uncompressedSize > limits_.maxEntrySize) {
            throw ZipError("entry exceeds the size limit: " + entry.name);
        }
        totalSize += entry.uncompressedSize;
        if (totalSize > limits_.maxTotalUncompressed) {
            throw ZipError("archive expands beyond the total size limit");
        }
        if (!byName_.emplace(entry.name, entries_.size()).second) {
            throw ZipError("duplicate entry name: " + entry.name);
        }
        entries_.push_back(std::move(entry));
        pos += recordSize;
    }
}

const ZipEntry* ZipReader::find(std::string_view name) const {
    const auto it = byName_.find(std::string(name));
    return it == byName_.end() ? nullptr : &entries_[it->second];
}

std::vector<std::uint8_t> ZipReader::read(const ZipEntry& entry) const {
    const auto header = static_cast<std::size_t>(entry.localHeaderOffset);
    if (header + kLocalHeaderSize > data_.size() || u32(header) != kLocalHeaderSig) {
        throw ZipError("bad local header for " + entry.name);
    }

    // The local header repeats the name and may carry a different extra
    // field from the central directory; its own lengths decide where the
    // entry data begins.
    const std::size_t nameLength = u16(header + 26);
    const std::size_t extraLength = u16(header + 28);
    const std::size_t dataOffset = header + kLocalHeaderSize + nameLength + extraLength;

    // Both lengths above and the compressed size from the central directory
    // come from the file. Check that the entry data lies entirely inside the
    // archive before touching it: a crafted size used to make us copy (or
    // feed zlib) memory past the end of the buffer. OWD-1187.
    if (dataOffset > data_.size() || entry.compressedSize > data_.size() - dataOffset) {
        throw ZipError("entry data extends past the end of the archive: " + entry.name);
    }
    if (entry.method == kStored && entry.compressedSize != entry.uncompressedSize) {
        throw ZipError("stored entry with inconsistent sizes: " + entry.name);
    }
    const std::uint8_t* compressed = data_.data() + dataOffset;

    std::vector<std::uint8_t> out;
    if (entry.method == kStored) {
        out.assign(compressed, compressed + entry.compressedSize);
    } else {
        out = inflateRaw(compressed, static_cast<std::size_t>(entry.compressedSize),
                         entry.uncompressedSize, entry.name);
    }

    const uLong crc = crc32(0L, out.data(), static_cast<uInt>(out.size()));
    if (crc != entry.crc32) throw ZipError("CRC mismatch in " + entry.name);
    return out;
}

std::string ZipReader::readText(std::string_view name) const {
    const ZipEntry* entry = find(name);
    if (!entry) throw ZipError("missing entry: " + std::string(name));
    const std::vector<std::uint8_t> bytes = read(*entry);
    return std::string(bytes.begin(), bytes.end());
}

// --- ZipWriter -------------------------------------------------------------

void ZipWriter::add(std::string_view name, std::string_view content, bool compress) {
    if (finished_) throw std::logic_error("ZipWriter::add after finish");
    if (!isSafeName(name)) throw ZipError("refusing to write unsafe entry name");
    if (content.size() >= 0xFFFFFFFFu || out_.size() >= 0xFFFFFFFFu || name.size() > 0xFFFF) {
        throw ZipError("entry too large for a non-ZIP64 archive: " + std::string(name));
    }

    const auto* bytes = reinterpret_cast<const Bytef*>(content.data());
    const auto size = static_cast<uInt>(content.size());

    Written entry;
    entry.name = std::string(name);
    entry.crc32 = static_cast<std::uint32_t>(crc32(0L, bytes, size));
    entry.uncompressedSize = size;
    entry.offset = static_cast<std::uint32_t>(out_.size());
    entry.method = kStored;

    std::vector<std::uint8_t> deflated;
    if (compress && size > 0) {
        z_stream stream{};
        if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY) != Z_OK) {
            throw ZipError("cannot initialise deflate");
        }
        deflated.resize(deflateBound(&stream, size));
        stream.next_in = const_cast<Bytef*>(bytes);
        stream.avail_in = size;
        stream.next_out = deflated.data();
        stream.avail_out = static_cast<uInt>(deflated.size());
        const int result = deflate(&stream, Z_FINISH);
        deflated.resize(stream.total_out);
        deflateEnd(&stream);
        if (result != Z_STREAM_END) throw ZipError("deflate failed for " + entry.name);
        // Already-compressed content can grow; store it instead.
        if (deflated.size() < size) entry.method = kDeflated;
    }

    const std::string_view payload =
        entry.method == kDeflated
            ? std::string_view(reinterpret_cast<const char*>(deflated.data()), deflated.size())
            : content;
    entry.compressedSize = static_cast<std::uint32_t>(payload.size());

    putU32(out_, kLocalHeaderSig);
    putU16(out_, 20);  // version needed: 2.0
    putU16(out_, kFlagUtf8Names);
    putU16(out_, entry.method);
    putU16(out_, 0);  // time 00:00:00
    putU16(out_, kDosDate1980);
    putU32(out_, entry.crc32);
    putU32(out_, entry.compressedSize);
    putU32(out_, entry.uncompressedSize);
    putU16(out_, static_cast<std::uint16_t>(entry.name.size()));
    putU16(out_, 0);  // no extra field
    out_.insert(out_.end(), entry.name.begin(), entry.name.end());
    out_.insert(out_.end(), payload.begin(), payload.end());

    written_.push_back(std::move(entry));
}

std::vector<std::uint8_t> ZipWriter::finish() {
    if (finished_) throw std::logic_error("ZipWriter::finish called twice");
    finished_ = true;
    if (written_.size() >= 0xFFFF) throw ZipError("too many entries for a non-ZIP64 archive");

    const auto directoryOffset = static_cast<std::uint32_t>(out_.size());
    for (const Written& entry : written_) {
        putU32(out_, kCentralHeaderSig);
        putU16(out_, 0x031E);  // made by: Unix, spec 3.0
        putU16(out_, 20);
        putU16(out_, kFlagUtf8Names);
        putU16(out_, entry.method);
        putU16(out_, 0);
        putU16(out_, kDosDate1980);
        putU32(out_, entry.crc32);
        putU32(out_, entry.compressedSize);
        putU32(out_, entry.uncompressedSize);
        putU16(out_, static_cast<std::uint16_t>(entry.name.size()));
        putU16(out_, 0);  // extra
        putU16(out_, 0);  // comment
        putU16(out_, 0);  // disk
        putU16(out_, 0);  // internal attributes
        putU32(out_, 0100644u << 16);  // external attributes: regular file, rw-r--r--
        putU32(out_, entry.offset);
        out_.insert(out_.end(), entry.name.begin(), entry.name.end());
    }
    const auto directorySize = static_cast<std::uint32_t>(out_.size() - directoryOffset);

    putU32(out_, kEndRecordSig);
    putU16(out_, 0);
    putU16(out_, 0);
    putU16(out_, static_cast<std::uint16_t>(written_.size()));
    putU16(out_, static_cast<std::uint16_t>(written_.size()));
    putU32(out_, directorySize);
    putU32(out_, directoryOffset);
    putU16(out_, 0);  // no comment

    return std::move(out_);
}

}  // namespace office::word
