#include "io/xml_scanner.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

namespace office::word {

namespace {

bool isXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool isNameStart(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' || u >= 0x80;
}

bool isNameChar(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

bool isAllWhitespace(std::string_view text) {
    return std::all_of(text.begin(), text.end(), isXmlSpace);
}

// Code points allowed in XML 1.0 character data.
bool isXmlChar(std::uint32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void appendUtf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace

XmlScanner::XmlScanner(std::string_view input, std::size_t maxDepth)
    : input_(input), maxDepth_(maxDepth) {
    // Tolerate a UTF-8 byte order mark; some third-party generators emit one.
    if (input_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

std::size_t XmlScanner::line() const {
    const auto end = input_.begin() + static_cast<std::ptrdiff_t>(std::min(pos_, input_.size()));
    return 1 + static_cast<std::size_t>(std::count(input_.begin(), end, '\n'));
}

void XmlScanner::fail(const std::string& message) const { throw XmlError(message, line()); }

bool XmlScanner::startsWith(std::string_view prefix) const {
    return input_.substr(pos_, prefix.size()) == prefix;
}

void XmlScanner::skipPast(std::string_view terminator, const char* what) {
    const std::size_t end = input_.find(terminator, pos_);
    if (end == std::string_view::npos) fail(std::string("unterminated ") + what);
    pos_ = end + terminator.size();
}

void XmlScanner::skipWhitespace() {
    while (pos_ < input_.size() && isXmlSpace(input_[pos_])) ++pos_;
}

std::string_view XmlScanner::readName() {
    const std::size_t start = pos_;
    if (pos_ >= input_.size() || !isNameStart(input_[pos_])) fail("expected a name");
    while (pos_ < input_.size() && isNameChar(input_[pos_])) ++pos_;
    return input_.substr(start, pos_ - start);
}

const std::string* XmlScanner::attribute(std::string_view name) const {
    for (const XmlAttribute& attribute : attributes_) {
        if (attribute.name == name) return &attribute.value;
    }
    return nullptr;
}

void XmlScanner::decodeInto(std::string_view raw, std::string& out) const {
    out.reserve(out.size() + raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c == '\r') {
            // End-of-line normalisation: CRLF and lone CR both become LF.
            out.push_back('\n');
            if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
            continue;
        }
        if (c != '&') {
            out.push_back(c);
            continue;
        }

        const std::size_t semicolon = raw.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 12) fail("malformed entity reference");
        const std::string_view entity = raw.substr(i + 1, semicolon - i - 1);
        i = semicolon;

        if (entity == "lt") out.push_back('<');
        else if (entity == "gt") out.push_back('>');
        else if (entity == "amp") out.push_back('&');
        else if (entity == "quot") out.push_back('"');
        else if (entity == "apos") out.push_back('\'');
        else if (entity.size() > 1 && entity[0] == '#') {
            const bool hex = entity[1] == 'x';
            const std::string_view digits = entity.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            const auto [ptr, ec] =
                std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
            if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() ||
                !isXmlChar(cp)) {
                fail("invalid character reference &" + std::string(entity) + ";");
            }
            appendUtf8(out, cp);
        } else {
            fail("undeclared entity &" + std::string(entity) + ";");
        }
    }
}

XmlScanner::Token XmlScanner::next() {
    attributes_.clear();
    text_.clear();

    if (pendingEnd_) {
        pendingEnd_ = false;
        name_ = stack_.back();
        stack_.pop_back();
        return Token::EndElement;
    }

    while (true) {
        if (pos_ >= input_.size()) {
            if (!stack_.empty()) fail("unexpected end of document inside <" + std::string(stack_.back()) + ">");
            if (!sawRoot_) fail("document has no root element");
            return Token::End;
        }

        if (input_[pos_] != '<') {
            const std::size_t end = std::min(input_.find('<', pos_), input_.size());
            const std::string_view raw = input_.substr(pos_, end - pos_);
            pos_ = end;
            if (stack_.empty()) {
                if (!isAllWhitespace(raw)) fail("text outside the root element");
                continue;
            }
            decodeInto(raw, text_);
            return Token::Text;
        }

        if (startsWith("<?")) {
            skipPast("?>", "processing instruction");
            continue;
        }
        if (startsWith("<!--")) {
            skipPast("-->", "comment");
            continue;
        }
        if (startsWith("<![CDATA[")) {
            if (stack_.empty()) fail("CDATA outside the root element");
            const std::size_t start = pos_ + 9;
            skipPast("]]>", "CDATA section");
            text_.assign(input_.substr(start, pos_ - 3 - start));
            return Token::Text;
        }
        if (startsWith("<!")) fail("document type declarations are not allowed");
        if (startsWith("</")) {
            parseEndTag();
            return Token::EndElement;
        }
        parseStartTag();
        return Token::StartElement;
    }
}

void XmlScanner::parseStartTag() {
    if (stack_.empty() && sawRoot_) fail("content after the root element");
    ++pos_;  // '<'
    name_ = readName();

    while (true) {
        skipWhitespace();
        if (pos_ >= input_.size()) fail("unterminated start tag <" + std::string(name_) + ">");
        if (input_[pos_] == '>') {
            ++pos_;
            break;
        }
        if (startsWith("/>")) {
            pos_ += 2;
            pendingEnd_ = true;
            break;
        }

        XmlAttribute attribute;
        attribute.name = readName();
        skipWhitespace();
        if (pos_ >= input_.size() || input_[pos_] != '=') fail("expected '=' after attribute name");
        ++pos_;
        skipWhitespace();
        if (pos_ >= input_.size() || (input_[pos_] != '"' && input_[pos_] != '\'')) {
            fail("attribute value must be quoted");
        }
        const char quote = input_[pos_++];
        const std::size_t end = input_.find(quote, pos_);
        if (end == std::string_view::npos) fail("unterminated attribute value");
        const std::string_view raw = input_.substr(pos_, end - pos_);
        if (raw.find('<') != std::string_view::npos) fail("'<' in attribute value");
        decodeInto(raw, attribute.value);
        pos_ = end + 1;

        if (this->attribute(attribute.name)) {
            fail("duplicate attribute " + std::string(attribute.name));
        }
        attributes_.push_back(std::move(attribute));
    }

    if (stack_.size() >= maxDepth_) fail("elements nested too deeply");
    stack_.push_back(name_);
    sawRoot_ = true;
}

void XmlScanner::parseEndTag() {
    pos_ += 2;  // "</"
    const std::string_view name = readName();
    skipWhitespace();
    if (pos_ >= input_.size() || input_[pos_] != '>') fail("malformed end tag");
    ++pos_;
    if (stack_.empty() || stack_.back() != name) {
        fail("unexpected </" + std::string(name) + ">");
    }
    stack_.pop_back();
    name_ = name;
}

void XmlScanner::skipElement() {
    const std::size_t target = stack_.empty() ? 0 : stack_.size() - 1;
    while (true) {
        const Token token = next();
        if (token == Token::EndElement && stack_.size() == target) return;
        if (token == Token::End) fail("unexpected end of document");
    }
}

}  // namespace office::word
