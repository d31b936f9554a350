// libFuzzer entry point for the .owdx reader.
//
// Feeds arbitrary bytes to readDocument() and, when loading succeeds,
// round-trips the result through the writer. Any crash, sanitizer report or
// uncaught exception other than the documented error types is a bug.
//
// Build and run (Clang only):
//
//   CC=clang CXX=clang++ cmake -S . -B out/fuzz -DOFFICE_WORD_BUILD_FUZZERS=ON
//   cmake --build out/fuzz --target fuzz_document_reader
//   out/fuzz/tools/fuzz/fuzz_document_reader -max_len=262144 corpus/ seeds/
//
// Seed the corpus with small real documents; the fuzzer gets past the ZIP
// layer far faster when it starts from valid archives.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "io/document_reader.h"
#include "io/document_writer.h"

namespace {

// Small limits keep each iteration fast and make "too large" paths
// reachable without multi-megabyte inputs.
office::word::ReadOptions fuzzOptions() {
    office::word::ReadOptions options;
    options.limits.maxArchiveSize = 1u << 20;
    options.limits.maxEntrySize = 4u << 20;
    options.limits.maxTotalUncompressed = 8u << 20;
    options.limits.maxEntries = 256;
    return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace office::word;
    static const ReadOptions options = fuzzOptions();

    LoadedDocument loaded;
    try {
        loaded = readDocument(std::vector<std::uint8_t>(data, data + size), options);
    } catch (const DocumentFormatError&) {
        return 0;  // rejected cleanly: the expected outcome for most inputs
    }

    // Whatever the reader accepted must be writable and must read back to
    // the same text. A mismatch means reader and writer disagree about the
    // format, which would corrupt user documents on save.
    const std::vector<std::uint8_t> written = writeDocument(*loaded.document, loaded.properties);
    LoadedDocument again = readDocument(written, options);
    if (again.document->text().text() != loaded.document->text().text()) std::abort();
    if (again.document->paragraphCount() != loaded.document->paragraphCount()) std::abort();
    return 0;
}
