#include "io/document_reader.h"

#include <charconv>
#include <fstream>
#include <optional>
#include <system_error>
#include <utility>

#include "core/utf.h"
#include "io/xml_scanner.h"

namespace office::word {

namespace {

using Token = XmlScanner::Token;

// Enough to explain what went wrong without letting a hostile file grow the
// list without bound.
constexpr std::size_t kMaxWarnings = 50;

class Warnings {
public:
    explicit Warnings(std::vector<std::string>& sink) : sink_(sink) {}
    void add(std::string message) {
        if (sink_.size() < kMaxWarnings) sink_.push_back(std::move(message));
    }

private:
    std::vector<std::string>& sink_;
};

std::optional<long long> parseInteger(std::string_view text) {
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
    return value;
}

template <typename T>
void readInt(const XmlScanner& xml, std::string_view name, long long min, long long max, T& target,
             Warnings& warnings) {
    const std::string* raw = xml.attribute(name);
    if (!raw) return;
    const auto value = parseInteger(*raw);
    if (!value || *value < min || *value > max) {
        warnings.add("ignored invalid " + std::string(name) + "=\"" + *raw + "\" on <" +
                     std::string(xml.name()) + ">");
        return;
    }
    target = static_cast<T>(*value);
}

void readBool(const XmlScanner& xml, std::string_view name, bool& target) {
    if (const std::string* raw = xml.attribute(name)) target = (*raw == "1" || *raw == "true");
}

std::optional<Rgba> parseColor(std::string_view hex) {
    if (hex.size() != 6) return std::nullopt;
    unsigned value = 0;
    const auto [ptr, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
    if (ec != std::errc() || ptr != hex.data() + hex.size()) return std::nullopt;
    return Rgba{static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 8),
                static_cast<std::uint8_t>(value), 255};
}

ParagraphFormat paragraphAttributes(const XmlScanner& xml, Warnings& warnings) {
    constexpr long long kMaxTwips = 31680;  // 22 inches, the largest page we support
    ParagraphFormat format;
    if (const std::string* style = xml.attribute("style")) format.styleId = *style;
    if (const std::string* align = xml.attribute("align")) {
        if (*align == "center") format.alignment = Alignment::Center;
        else if (*align == "end") format.alignment = Alignment::End;
        else if (*align == "justify") format.alignment = Alignment::Justify;
        else if (*align != "start") warnings.add("unknown paragraph alignment \"" + *align + "\"");
    }
    readInt(xml, "ind-start", -kMaxTwips, kMaxTwips, format.indentStartTwips, warnings);
    readInt(xml, "ind-end", -kMaxTwips, kMaxTwips, format.indentEndTwips, warnings);
    readInt(xml, "ind-first", -kMaxTwips, kMaxTwips, format.firstLineIndentTwips, warnings);
    readInt(xml, "space-before", 0, kMaxTwips, format.spaceBeforeTwips, warnings);
    readInt(xml, "space-after", 0, kMaxTwips, format.spaceAfterTwips, warnings);
    if (const std::string* rule = xml.attribute("line-rule")) {
        if (*rule == "at-least") format.lineSpacingRule = LineSpacingRule::AtLeast;
        else if (*rule == "exactly") format.lineSpacingRule = LineSpacingRule::Exactly;
        else if (*rule != "multiple") warnings.add("unknown line spacing rule \"" + *rule + "\"");
    }
    readInt(xml, "line", 1, kMaxTwips, format.lineSpacing, warnings);
    readBool(xml, "keep-next", format.keepWithNext);
    readBool(xml, "keep-lines", format.keepLinesTogether);
    readBool(xml, "widow-control", format.widowControl);
    readBool(xml, "page-break-before", format.pageBreakBefore);
    return format;
}

RunFormat runAttributes(const XmlScanner& xml, Warnings& warnings) {
    RunFormat format;
    if (const std::string* font = xml.attribute("font"); font && !font->empty()) format.fontFamily = *font;
    readInt(xml, "size", 2, 3276, format.sizeHalfPoints, warnings);
    readBool(xml, "b", format.bold);
    readBool(xml, "i", format.italic);
    readBool(xml, "strike", format.strikethrough);
    readBool(xml, "hidden", format.hidden);
    readBool(xml, "no-proof", format.noProof);
    if (const std::string* u = xml.attribute("u")) {
        if (*u == "single") format.underline = UnderlineStyle::Single;
        else if (*u == "double") format.underline = UnderlineStyle::Double;
        else if (*u == "dotted") format.underline = UnderlineStyle::Dotted;
        else if (*u == "wavy") format.underline = UnderlineStyle::Wavy;
        else if (*u != "none") warnings.add("unknown underline style \"" + *u + "\"");
    }
    if (const std::string* va = xml.attribute("va")) {
        if (*va == "super") format.position = VerticalPosition::Superscript;
        else if (*va == "sub") format.position = VerticalPosition::Subscript;
    }
    if (const std::string* color = xml.attribute("color")) {
        if (auto parsed = parseColor(*color)) format.color = *parsed;
        else warnings.add("ignored invalid color \"" + *color + "\"");
    }
    if (const std::string* highlight = xml.attribute("highlight")) {
        if (auto parsed = parseColor(*highlight)) format.highlight = *parsed;
        else warnings.add("ignored invalid highlight \"" + *highlight + "\"");
    }
    if (const std::string* lang = xml.attribute("lang"); lang && !lang->empty()) format.language = *lang;
    return format;
}

// Characters that would corrupt the paragraph structure if taken literally
// from <t> content. Structure comes from elements, never from text.
std::u16string sanitizeText(std::string_view utf8) {
    std::u16string text = utf::fromUtf8(utf8);
    for (char16_t& c : text) {
        if (c == kParagraphMark || c == kLineBreak || (c < 0x20 && c != kTab)) c = u' ';
    }
    return text;
}

class BodyBuilder {
public:
    explicit BodyBuilder(Warnings& warnings) : warnings_(warnings) {}

    void parseDocument(XmlScanner& xml) {
        if (xml.next() != Token::StartElement || xml.name() != "document") {
            throw DocumentFormatError("root element must be <document>");
        }
        if (const std::string* version = xml.attribute("version")) {
            const auto parsed = parseInteger(*version);
            if (!parsed || *parsed < 1) throw DocumentFormatError("invalid format version");
            if (*parsed > package::kFormatVersion) {
                throw DocumentFormatError("the document uses format version " + *version +
                                          ", which is newer than this application supports");
            }
        }
        for (Token token = xml.next(); token != Token::EndElement; token = xml.next()) {
            if (token != Token::StartElement) continue;
            if (xml.name() == "body") {
                parseBody(xml);
            } else {
                skipUnknown(xml);
            }
        }
    }

    std::u16string text;
    std::vector<std::pair<TextRange, RunFormat>> runs;
    std::vector<ParagraphFormat> paragraphs;

private:
    void skipUnknown(XmlScanner& xml) {
        warnings_.add("skipped unknown element <" + std::string(xml.name()) + ">");
        xml.skipElement();
    }

    void parseBody(XmlScanner& xml) {
        for (Token token = xml.next(); token != Token::EndElement; token = xml.next()) {
            if (token != Token::StartElement) continue;
            if (xml.name() == "p") {
                parseParagraph(xml);
            } else {
                skipUnknown(xml);
            }
        }
    }

    void parseParagraph(XmlScanner& xml) {
        paragraphs.push_back(paragraphAttributes(xml, warnings_));
        RunFormat markFormat;
        for (Token token = xml.next(); token != Token::EndElement; token = xml.next()) {
            if (token != Token::StartElement) continue;
            if (xml.name() == "r") {
                markFormat = parseRun(xml);
            } else {
                skipUnknown(xml);
            }
        }
        // The paragraph mark takes the format of the last run, so an empty
        // paragraph written as <p><r size="32"/></p> keeps its font size.
        runs.push_back({{text.size(), 1}, markFormat});
        text.push_back(kParagraphMark);
    }

    RunFormat parseRun(XmlScanner& xml) {
        RunFormat format = runAttributes(xml, warnings_);
        const std::size_t start = text.size();
        for (Token token = xml.next(); token != Token::EndElement; token = xml.next()) {
            if (token != Token::StartElement) continue;
            if (xml.name() == "t") {
                std::string content;
                for (Token inner = xml.next(); inner != Token::EndElement; inner = xml.next()) {
                    if (inner == Token::Text) {
                        content += xml.text();
                    } else if (inner == Token::StartElement) {
                        skipUnknown(xml);
                    }
                }
                text += sanitizeText(content);
            } else if (xml.name() == "tab") {
                text.push_back(kTab);
                xml.skipElement();
            } else if (xml.name() == "br") {
                text.push_back(kLineBreak);
                xml.skipElement();
            } else {
                skipUnknown(xml);
            }
        }
        if (text.size() > start) runs.push_back({{start, text.size() - start}, format});
        return format;
    }

    Warnings& warnings_;
};

DocumentProperties parseProperties(std::string_view content) {
    DocumentProperties properties;
    XmlScanner xml(content);
    if (xml.next() != Token::StartElement || xml.name() != "properties") {
        throw DocumentFormatError("root element must be <properties>");
    }
    for (Token token = xml.next(); token != Token::EndElement; token = xml.next()) {
        if (token != Token::StartElement) continue;
        const std::string_view field = xml.name();
        std::string* target = field == "title"      ? &properties.title
                              : field == "author"   ? &properties.author
                              : field == "created"  ? &properties.created
                              : field == "modified" ? &properties.modified
                                                    : nullptr;
        for (Token inner = xml.next(); inner != Token::EndElement; inner = xml.next()) {
            if (inner == Token::Text && target) *target += xml.text();
            if (inner == Token::StartElement) xml.skipElement();
        }
    }
    return properties;
}

std::string signerThumbprint(std::string_view content) {
    XmlScanner xml(content);
    if (xml.next() == Token::StartElement && xml.name() == "signature") {
        if (const std::string* thumbprint = xml.attribute("thumbprint")) return *thumbprint;
    }
    return {};
}

}  // namespace

LoadedDocument readDocument(std::vector<std::uint8_t> bytes, const ReadOptions& options) {
    LoadedDocument result;
    Warnings warnings(result.warnings);
    std::string_view part = "package";

    try {
        ZipReader zip(std::move(bytes), options.limits);

        part = package::kMimeTypePart;
        if (zip.readText(package::kMimeTypePart) != package::kMimeType) {
            throw DocumentFormatError("not a word processing document (unexpected mimetype)");
        }

        part = package::kDocumentPart;
        const std::string documentXml = zip.readText(package::kDocumentPart);
        XmlScanner xml(documentXml);
        BodyBuilder body(warnings);
        body.parseDocument(xml);

        auto document = std::make_unique<Document>(body.text);
        for (const auto& [range, format] : body.runs) {
            const FormatId id = document->formatPool().intern(format);
            if (id != FormatPool::kDefault) document->setRunFormatId(range, id);
        }
        for (std::size_t i = 0; i < body.paragraphs.size(); ++i) {
            document->setParagraphFormat(i, body.paragraphs[i]);
        }
        result.document = std::move(document);

        part = package::kPropertiesPart;
        if (zip.find(package::kPropertiesPart)) {
            result.properties = parseProperties(zip.readText(package::kPropertiesPart));
        }

        part = package::kMacroFolder;
        for (const ZipEntry& entry : zip.entries()) {
            if (entry.name.compare(0, package::kMacroFolder.size(), package::kMacroFolder) == 0) {
                result.macros.present = true;
                result.macros.partNames.push_back(entry.name);
            }
        }
        if (zip.find(package::kMacroSignaturePart)) {
            result.macros.signaturePresent = true;
            result.macros.signerThumbprint = signerThumbprint(zip.readText(package::kMacroSignaturePart));
        }
    } catch (const ZipError& e) {
        throw DocumentFormatError("damaged package (" + std::string(part) + "): " + e.what());
    } catch (const XmlError& e) {
        throw DocumentFormatError(std::string(part) + ": " + e.what());
    } catch (const DocumentFormatError& e) {
        throw DocumentFormatError(std::string(part) + ": " + e.what());
    }
    return result;
}

LoadedDocument readDocumentFile(const std::filesystem::path& path, const ReadOptions& options) {
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw std::system_error(ec, "cannot open " + path.string());
    if (size > options.limits.maxArchiveSize) {
        throw DocumentFormatError(path.filename().string() + " is too large to open");
    }

    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::system_error(std::make_error_code(std::errc::io_error), "cannot open " + path.string());
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::uintmax_t>(in.gcount()) != size) {
        throw std::system_error(std::make_error_code(std::errc::io_error), "short read from " + path.string());
    }
    return readDocument(std::move(bytes), options);
}

}  // namespace office::word
