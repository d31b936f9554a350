#include "io/document_writer.h"

#include <cstdio>
#include <stdexcept>

#include "core/utf.h"

namespace office::word {

namespace {

void appendEscaped(std::string& out, std::string_view text, bool attribute) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute) out += "&quot;";
                else out.push_back(c);
                break;
            case '\n':
            case '\t':
                // Literal whitespace in attributes is normalised to spaces by
                // conforming parsers; escape it so values round-trip.
                if (attribute) out += c == '\n' ? "&#10;" : "&#9;";
                else out.push_back(c);
                break;
            default:
                out.push_back(c);
        }
    }
}

void attribute(std::string& out, std::string_view name, std::string_view value) {
    out.push_back(' ');
    out += name;
    out += "=\"";
    appendEscaped(out, value, true);
    out.push_back('"');
}

void attribute(std::string& out, std::string_view name, long long value) {
    attribute(out, name, std::to_string(value));
}

std::string hexColor(const Rgba& color) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02X%02X%02X", color.r, color.g, color.b);
    return buffer;
}

void paragraphAttributes(std::string& out, const ParagraphFormat& f) {
    const ParagraphFormat d;
    if (f.styleId != d.styleId) attribute(out, "style", f.styleId);
    if (f.alignment != d.alignment) {
        static constexpr const char* kNames[] = {"start", "center", "end", "justify"};
        attribute(out, "align", kNames[static_cast<int>(f.alignment)]);
    }
    if (f.indentStartTwips != d.indentStartTwips) attribute(out, "ind-start", f.indentStartTwips);
    if (f.indentEndTwips != d.indentEndTwips) attribute(out, "ind-end", f.indentEndTwips);
    if (f.firstLineIndentTwips != d.firstLineIndentTwips) attribute(out, "ind-first", f.firstLineIndentTwips);
    if (f.spaceBeforeTwips != d.spaceBeforeTwips) attribute(out, "space-before", f.spaceBeforeTwips);
    if (f.spaceAfterTwips != d.spaceAfterTwips) attribute(out, "space-after", f.spaceAfterTwips);
    if (f.lineSpacingRule != d.lineSpacingRule) {
        static constexpr const char* kRules[] = {"multiple", "at-least", "exactly"};
        attribute(out, "line-rule", kRules[static_cast<int>(f.lineSpacingRule)]);
    }
    if (f.lineSpacing != d.lineSpacing) attribute(out, "line", f.lineSpacing);
    if (f.keepWithNext) attribute(out, "keep-next", "1");
    if (f.keepLinesTogether) attribute(out, "keep-lines", "1");
    if (!f.widowControl) attribute(out, "widow-control", "0");
    if (f.pageBreakBefore) attribute(out, "page-break-before", "1");
}

void runAttributes(std::string& out, const RunFormat& f) {
    const RunFormat d;
    if (f.fontFamily != d.fontFamily) attribute(out, "font", f.fontFamily);
    if (f.sizeHalfPoints != d.sizeHalfPoints) attribute(out, "size", f.sizeHalfPoints);
    if (f.bold) attribute(out, "b", "1");
    if (f.italic) attribute(out, "i", "1");
    if (f.strikethrough) attribute(out, "strike", "1");
    if (f.hidden) attribute(out, "hidden", "1");
    if (f.noProof) attribute(out, "no-proof", "1");
    if (f.underline != d.underline) {
        static constexpr const char* kStyles[] = {"none", "single", "double", "dotted", "wavy"};
        attribute(out, "u", kStyles[static_cast<int>(f.underline)]);
    }
    if (f.position == VerticalPosition::Superscript) attribute(out, "va", "super");
    if (f.position == VerticalPosition::Subscript) attribute(out, "va", "sub");
    if (f.color != d.color) attribute(out, "color", hexColor(f.color));
    if (f.highlight) attribute(out, "highlight", hexColor(*f.highlight));
    if (f.language != d.language) attribute(out, "lang", f.language);
}

// Emits run content, turning tabs and manual line breaks into elements so
// that <t> only ever holds ordinary characters.
void runContent(std::string& out, std::u16string_view text) {
    std::size_t segment = 0;
    auto flush = [&](std::size_t end) {
        if (end > segment) {
            out += "<t>";
            appendEscaped(out, utf::toUtf8(text.substr(segment, end - segment)), false);
            out += "</t>";
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == kTab || text[i] == kLineBreak) {
            flush(i);
            out += text[i] == kTab ? "<tab/>" : "<br/>";
            segment = i + 1;
        }
    }
    flush(text.size());
}

}  // namespace

std::string documentXml(const Document& document) {
    std::string out;
    out.reserve(document.length() * 2 + 256);
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<document xmlns=\"urn:vendor-example:office-word:document\" version=\"";
    out += std::to_string(package::kFormatVersion);
    out += "\">\n<body>\n";

    for (std::size_t p = 0; p < document.paragraphCount(); ++p) {
        const TextRange range = document.paragraphRange(p);
        const TextRange body{range.start, range.length - 1};

        out += "<p";
        paragraphAttributes(out, document.paragraphFormat(p));
        out += ">";

        const auto runs = document.runs().runsIn(body.start, body.length);
        for (const RunList::Run& run : runs) {
            out += "<r";
            runAttributes(out, document.formatPool().get(run.format));
            out += ">";
            runContent(out, document.plainText({run.start, run.length}));
            out += "</r>";
        }

        // Preserve the mark's format when it differs from the last run's
        // (always the case for a formatted empty paragraph).
        const FormatId markFormat = document.runs().formatAt(range.end() - 1);
        if (runs.empty() ? markFormat != FormatPool::kDefault : runs.back().format != markFormat) {
            out += "<r";
            runAttributes(out, document.formatPool().get(markFormat));
            out += "/>";
        }
        out += "</p>\n";
    }

    out += "</body>\n</document>\n";
    return out;
}

std::vector<std::uint8_t> writeDocument(const Document& document,
                                        const DocumentProperties& properties,
                                        const WriteOptions& options) {
    ZipWriter zip;
    zip.add(package::kMimeTypePart, package::kMimeType, false);
    zip.add(package::kDocumentPart, documentXml(document));

    std::string meta = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties>\n";
    const std::pair<const char*, const std::string*> fields[] = {
        {"title", &properties.title},
        {"author", &properties.author},
        {"created", &properties.created},
        {"modified", &properties.modified},
    };
    for (const auto& [name, value] : fields) {
        if (value->empty()) continue;
        meta += "  <";
        meta += name;
        meta += ">";
        appendEscaped(meta, *value, false);
        meta += "</";
        meta += name;
        meta += ">\n";
    }
    meta += "</properties>\n";
    zip.add(package::kPropertiesPart, meta);

    for (const PackagePart& part : options.extraParts) {
        if (part.name == package::kMimeTypePart || part.name == package::kDocumentPart ||
            part.name == package::kPropertiesPart) {
            throw std::invalid_argument("extra part would overwrite " + part.name);
        }
        zip.add(part.name, std::string_view(reinterpret_cast<const char*>(part.bytes.data()),
                                            part.bytes.size()));
    }
    return zip.finish();
}

}  // namespace office::word
