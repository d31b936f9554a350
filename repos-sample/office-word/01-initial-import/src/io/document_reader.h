#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "io/zip_archive.h"

namespace office::word {

// Package layout; see docs/file-format.md.
namespace package {
inline constexpr std::string_view kMimeType = "application/vnd.office.owdx";
inline constexpr std::string_view kMimeTypePart = "mimetype";
inline constexpr std::string_view kDocumentPart = "content/document.xml";
inline constexpr std::string_view kPropertiesPart = "meta/properties.xml";
inline constexpr std::string_view kMacroFolder = "macros/";
inline constexpr std::string_view kMacroSignaturePart = "macros/signature.xml";
inline constexpr int kFormatVersion = 1;
}  // namespace package

struct DocumentProperties {
    std::string title;
    std::string author;
    std::string created;   // ISO 8601, as stored; not interpreted here
    std::string modified;
};

// What the reader learned about an embedded macro project. The reader never
// loads or runs macro code; the shell passes this to MacroPolicy and keeps
// the raw parts only so that saving does not silently drop them.
struct MacroProjectInfo {
    bool present = false;
    bool signaturePresent = false;
    std::string signerThumbprint;  // as claimed by the package; unverified
    std::vector<std::string> partNames;
};

class DocumentFormatError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ReadOptions {
    ZipLimits limits;
};

struct LoadedDocument {
    std::unique_ptr<Document> document;
    DocumentProperties properties;
    MacroProjectInfo macros;
    // Non-fatal problems (unknown elements, out-of-range values) that the
    // shell may show in its "document was repaired" notice.
    std::vector<std::string> warnings;
};

// Both functions throw DocumentFormatError for anything that prevents
// loading; ZIP and XML errors are wrapped with the part name for context.
LoadedDocument readDocument(std::vector<std::uint8_t> bytes, const ReadOptions& options = {});
LoadedDocument readDocumentFile(const std::filesystem::path& path, const ReadOptions& options = {});

}  // namespace office::word
