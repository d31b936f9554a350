#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/document.h"
#include "io/document_reader.h"

namespace office::word {

// A package part written verbatim, such as the parts of a macro project
// that was loaded with the document and must survive a save unchanged.
struct PackagePart {
    std::string name;
    std::vector<std::uint8_t> bytes;
};

struct WriteOptions {
    std::vector<PackagePart> extraParts;
};

// Serialises a document into a complete package. The result is
// deterministic: the same document and properties always yield the same
// bytes. Writing the bytes to disk safely is the caller's job.
std::vector<std::uint8_t> writeDocument(const Document& document,
                                        const DocumentProperties& properties,
                                        const WriteOptions& options = {});

// The content/document.xml part on its own; used by tests and by the
// "export as XML" debugging command.
std::string documentXml(const Document& document);

}  // namespace office::word
