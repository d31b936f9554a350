#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace office::word {

class XmlError : public std::runtime_error {
public:
    XmlError(const std::string& message, std::size_t line)
        : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}
    std::size_t line() const noexcept { return line_; }

private:
    std::size_t line_;
};

struct XmlAttribute {
    std::string_view name;
    std::string value;  // entity references already decoded
};

// A small pull parser for the XML parts of a document package.
//
// It is deliberately not a general XML processor. Document type
// declarations are rejected outright, which rules out entity expansion
// ("billion laughs") and external entity attacks by construction. Namespace
// prefixes are kept as part of names; package parts use a single default
// namespace, so nothing here needs to resolve them.
//
// The input must outlive the scanner: names are views into it.
class XmlScanner {
public:
    enum class Token { StartElement, EndElement, Text, End };

    explicit XmlScanner(std::string_view input, std::size_t maxDepth = 256);

    Token next();

    // Element name, valid after StartElement and EndElement.
    std::string_view name() const noexcept { return name_; }
    // Decoded character data, valid after Text.
    const std::string& text() const noexcept { return text_; }
    // Attributes, valid after StartElement.
    const std::vector<XmlAttribute>& attributes() const noexcept { return attributes_; }
    const std::string* attribute(std::string_view name) const;

    // Number of open elements, including the one just started.
    std::size_t depth() const noexcept { return stack_.size(); }

    // Call right after StartElement: consumes everything up to and including
    // the matching EndElement.
    void skipElement();

    // Current line, for error messages produced by callers.
    std::size_t line() const;

private:
    [[noreturn]] void fail(const std::string& message) const;
    bool startsWith(std::string_view prefix) const;
    void skipPast(std::string_view terminator, const char* what);
    void skipWhitespace();
    std::string_view readName();
    void decodeInto(std::string_view raw, std::string& out) const;
    void parseStartTag();
    void parseEndTag();

    std::string_view input_;
    std::size_t pos_ = 0;
    std::size_t maxDepth_;
    std::vector<std::string_view> stack_;
    std::string_view name_;
    std::string text_;
    std::vector<XmlAttribute> attributes_;
    bool pendingEnd_ = false;  // self-closing tag: report its end on the next call
    bool sawRoot_ = false;
};

}  // namespace office::word
