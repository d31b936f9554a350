#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/document.h"

namespace office::word {

struct AutosaveOptions {
    std::filesystem::path directory;           // per-user recovery folder
    std::chrono::seconds interval{120};        // minimum time between snapshots
    std::chrono::milliseconds idleDelay{2500}; // wait for a pause in typing
    std::size_t keepVersions = 3;
};

struct RecoveryFile {
    std::filesystem::path path;
    std::string documentId;
    std::uint64_t sequence = 0;
};

// Periodically writes recovery snapshots of a document.
//
// Threading: the document lives on the UI thread. tick() runs there too,
// driven by the shell's timer; when a snapshot is due it clones the
// document (cheap compared to serialising it) and hands the clone to a
// background thread that serialises and writes it. The UI thread never
// waits for disk I/O, and the writer never touches the live document.
//
// Durability: each snapshot is written with writeFileAtomically(), so a
// crash during autosave, which is exactly when recovery files matter,
// leaves the previous snapshot intact instead of a truncated archive.
class AutosaveService final : public DocumentObserver {
public:
    using Clock = std::chrono::steady_clock;
    using Serializer = std::function<std::vector<std::uint8_t>(const Document&)>;

    AutosaveService(Document& document, std::string documentId, AutosaveOptions options,
                    Serializer serializer);
    ~AutosaveService() override;

    AutosaveService(const AutosaveService&) = delete;
    AutosaveService& operator=(const AutosaveService&) = delete;

    // Call from the UI thread, typically once a second.
    void tick(Clock::time_point now = Clock::now());

    // The user saved explicitly: recovery files are no longer needed.
    void documentSaved();

    void documentChanged(const Document& document, const TextChange& change) override;

    // Most recent error from the writer thread, for the status bar.
    std::optional<std::string> lastError() const;

    // Recovery files found in `directory`, grouped by document id and
    // ordered newest first within each document.
    static std::vector<RecoveryFile> findRecoveryFiles(const std::filesystem::path& directory);

private:
    void writerLoop();
    void writeSnapshot(const Document& snapshot, std::uint64_t sequence);
    void prune();
    void removeStaleTemporaries();
    std::filesystem::path fileFor(std::uint64_t sequence) const;

    Document& document_;
    const std::string documentId_;
    const AutosaveOptions options_;
    const Serializer serializer_;

    // UI-thread state.
    bool dirty_ = false;
    Clock::time_point lastEdit_{};
    Clock::time_point lastSnapshot_{};
    std::uint64_t nextSequence_ = 1;

    // Shared with the writer thread; guarded by mutex_.
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::unique_ptr<Document> pending_;
    std::uint64_t pendingSequence_ = 0;
    bool writing_ = false;
    bool stopping_ = false;
    std::optional<std::string> lastError_;

    // Digest of the last snapshot written. Undoing back to that content, or
    // a change that round-trips to the same bytes, produces an identical
    // package that need not be written again. Touched by the writer only
    // while writing_ is set, otherwise only under mutex_.
    std::optional<std::size_t> lastWrittenDigest_;

    std::thread writer_;
};

}  // namespace office::word
