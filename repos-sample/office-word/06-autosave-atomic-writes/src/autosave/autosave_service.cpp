#include "autosave/autosave_service.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <string_view>
#include <system_error>

#include "io/atomic_file.h"

namespace office::word {

namespace {

constexpr std::string_view kExtension = ".owdx-recovery";

// Recovery file names are "<documentId>.<sequence>.owdx-recovery" with a
// zero-padded sequence, so lexical order equals chronological order.
std::string recoveryFileName(const std::string& documentId, std::uint64_t sequence) {
    std::string digits = std::to_string(sequence);
    if (digits.size() < 8) digits.insert(0, 8 - digits.size(), '0');
    return documentId + "." + digits + std::string(kExtension);
}

std::optional<RecoveryFile> parseRecoveryFileName(const std::filesystem::path& path) {
    const std::string name = path.filename().string();
    if (name.size() <= kExtension.size() ||
        name.compare(name.size() - kExtension.size(), kExtension.size(), kExtension) != 0) {
        return std::nullopt;
    }
    const std::string stem = name.substr(0, name.size() - kExtension.size());
    const std::size_t dot = stem.rfind('.');
    if (dot == std::string::npos || dot == 0) return std::nullopt;

    RecoveryFile file;
    file.path = path;
    file.documentId = stem.substr(0, dot);
    const std::string_view digits(stem.data() + dot + 1, stem.size() - dot - 1);
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), file.sequence);
    if (ec != std::errc() || ptr != digits.data() + digits.size()) return std::nullopt;
    return file;
}

}  // namespace

AutosaveService::AutosaveService(Document& document, std::string documentId,
                                 AutosaveOptions options, Serializer serializer)
    : document_(document),
      documentId_(std::move(documentId)),
      options_(std::move(options)),
      serializer_(std::move(serializer)) {
    std::error_code ec;
    std::filesystem::create_directories(options_.directory, ec);
    if (ec) lastError_ = "cannot create recovery folder: " + ec.message();

    removeStaleTemporaries();

    // Continue numbering after files left by an earlier session for the same
    // document, so that pruning never deletes the newer file.
    for (const RecoveryFile& file : findRecoveryFiles(options_.directory)) {
        if (file.documentId == documentId_) nextSequence_ = std::max(nextSequence_, file.sequence + 1);
    }

    document_.addObserver(this);
    writer_ = std::thread([this] { writerLoop(); });
}

AutosaveService::~AutosaveService() {
    document_.removeObserver(this);
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    writer_.join();
}

void AutosaveService::documentChanged(const Document&, const TextChange&) {
    dirty_ = true;
    lastEdit_ = Clock::now();
}

void AutosaveService::tick(Clock::time_point now) {
    if (!dirty_) return;
    if (now - lastEdit_ < options_.idleDelay) return;
    if (lastSnapshot_ != Clock::time_point{} && now - lastSnapshot_ < options_.interval) return;

    std::lock_guard lock(mutex_);
    if (writing_ || pending_) return;  // previous snapshot still in flight; try next tick
    pending_ = document_.clone();
    pendingSequence_ = nextSequence_++;
    dirty_ = false;
    lastSnapshot_ = now;
    wake_.notify_one();
}

void AutosaveService::documentSaved() {
    dirty_ = false;
    std::unique_lock lock(mutex_);
    pending_.reset();
    // Let an in-flight write finish before deleting, or it would leave a
    // fresh recovery file behind for a document that is safely on disk.
    wake_.wait(lock, [this] { return !writing_; });
    // Recovery files are about to disappear, so the next snapshot must be
    // written even if it matches the last one byte for byte.
    lastWrittenDigest_.reset();
    for (const RecoveryFile& file : findRecoveryFiles(options_.directory)) {
        if (file.documentId != documentId_) continue;
        std::error_code ec;
        std::filesystem::remove(file.path, ec);
    }
}

std::optional<std::string> AutosaveService::lastError() const {
    std::lock_guard lock(mutex_);
    return lastError_;
}

void AutosaveService::writerLoop() {
    std::unique_lock lock(mutex_);
    while (true) {
        wake_.wait(lock, [this] { return stopping_ || pending_ != nullptr; });
        if (stopping_) return;

        std::unique_ptr<Document> snapshot = std::move(pending_);
        const std::uint64_t sequence = pendingSequence_;
        writing_ = true;
        lock.unlock();

        std::optional<std::string> error;
        try {
            writeSnapshot(*snapshot, sequence);
            prune();
        } catch (const std::exception& e) {
            error = e.what();
        }

        lock.lock();
        writing_ = false;
        lastError_ = error;
        wake_.notify_all();
    }
}

std::filesystem::path AutosaveService::fileFor(std::uint64_t sequence) const {
    return options_.directory / recoveryFileName(documentId_, sequence);
}

void AutosaveService::writeSnapshot(const Document& snapshot, std::uint64_t sequence) {
    const std::vector<std::uint8_t> bytes = serializer_(snapshot);

    const std::size_t digest = std::hash<std::string_view>{}(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
    if (lastWrittenDigest_ && *lastWrittenDigest_ == digest) return;

    writeFileAtomically(fileFor(sequence), bytes);
    lastWrittenDigest_ = digest;
}

void AutosaveService::removeStaleTemporaries() {
    // A crash between creating and renaming a temporary leaves it behind.
    // Only our own document's leftovers are touched; another instance may
    // be writing its temporaries right now.
    const std::string prefix = documentId_ + ".";
    std::error_code ec;
    for (std::filesystem::directory_iterator it(options_.directory, ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 &&
            name.find(kAtomicTempMarker) != std::string::npos) {
            std::error_code removeError;
            std::filesystem::remove(it->path(), removeError);
        }
    }
}

void AutosaveService::prune() {
    std::vector<RecoveryFile> mine;
    for (RecoveryFile& file : findRecoveryFiles(options_.directory)) {
        if (file.documentId == documentId_) mine.push_back(std::move(file));
    }
    // findRecoveryFiles returns newest first.
    for (std::size_t i = options_.keepVersions; i < mine.size(); ++i) {
        std::error_code ec;
        std::filesystem::remove(mine[i].path, ec);
    }
}

std::vector<RecoveryFile> AutosaveService::findRecoveryFiles(const std::filesystem::path& directory) {
    std::vector<RecoveryFile> files;
    std::error_code ec;
    for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (auto file = parseRecoveryFileName(it->path())) files.push_back(std::move(*file));
    }
    std::sort(files.begin(), files.end(), [](const RecoveryFile& a, const RecoveryFile& b) {
        return a.documentId != b.documentId ? a.documentId < b.documentId : a.sequence > b.sequence;
    });
    return files;
}

}  // namespace office::word
