// tokenizer.cpp - splits formula text into tokens.

#include "oxl/formula.hpp"

#include <array>
#include <cctype>
#include <cstdlib>
#include <string>

namespace oxl {

namespace {

constexpr std::array<std::string_view, 7> kErrorLiterals = {
    "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
};

bool is_name_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '$';
}

std::string upper(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

class Tokenizer {
public:
    explicit Tokenizer(std::string_view text) : text_(text) {}

    std::vector<Token> run() {
        std::vector<Token> out;
        while (true) {
            skip_space();
            if (pos_ >= text_.size()) break;
            out.push_back(next());
        }
        Token end;
        end.kind = TokenKind::End;
        end.offset = text_.size();
        out.push_back(std::move(end));
        return out;
    }

private:
    char peek(std::size_t ahead = 0) const {
        return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
    }

    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }

    [[noreturn]] void fail(const std::string& message, std::size_t at) const {
        throw FormulaSyntaxError(message, at);
    }

    Token make(TokenKind kind, std::string text, std::size_t start) const {
        Token t;
        t.kind = kind;
        t.text = std::move(text);
        t.offset = start;
        return t;
    }

    Token next() {
        const std::size_t start = pos_;
        const char c = peek();

        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))))) {
            return number();
        }
        if (c == '"') return string_literal();
        if (c == '#') return error_literal();
        if (is_name_start(c)) return name();

        ++pos_;
        switch (c) {
            case '(': return make(TokenKind::LParen, "(", start);
            case ')': return make(TokenKind::RParen, ")", start);
            case ',': return make(TokenKind::Comma, ",", start);
            case '+': case '-': case '*': case '/': case '^': case '&': case '=': case '%':
                return make(TokenKind::Operator, std::string(1, c), start);
            case '<':
                if (peek() == '=' || peek() == '>') {
                    const char second = text_[pos_++];
                    return make(TokenKind::Operator, std::string{'<', second}, start);
                }
                return make(TokenKind::Operator, "<", start);
            case '>':
                if (peek() == '=') {
                    ++pos_;
                    return make(TokenKind::Operator, ">=", start);
                }
                return make(TokenKind::Operator, ">", start);
            default:
                fail(std::string("unexpected character '") + c + "'", start);
        }
    }

    Token number() {
        const std::size_t start = pos_;
        while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        if (peek() == '.') {
            ++pos_;
            while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
        }
        if (peek() == 'e' || peek() == 'E') {
            std::size_t look = 1;
            if (peek(look) == '+' || peek(look) == '-') ++look;
            if (std::isdigit(static_cast<unsigned char>(peek(look)))) {
                pos_ += look;
                while (std::isdigit(static_cast<unsigned char>(peek()))) ++pos_;
            }
        }
        if (is_name_start(peek())) fail("malformed number", start);

        const std::string spelling(text_.substr(start, pos_ - start));
        Token t = make(TokenKind::Number, spelling, start);
        t.number = std::strtod(spelling.c_str(), nullptr);
        return t;
    }

    Token string_literal() {
        const std::size_t start = pos_++;
        std::string content;
        while (true) {
            if (pos_ >= text_.size()) fail("unterminated string", start);
            const char c = text_[pos_++];
            if (c == '"') {
                if (peek() != '"') break;
                ++pos_;  // doubled quote stands for one quote character
            }
            content.push_back(c);
        }
        return make(TokenKind::String, std::move(content), start);
    }

    Token error_literal() {
        const std::size_t start = pos_;
        for (std::string_view e : kErrorLiterals) {
            if (upper(text_.substr(pos_, e.size())) == e) {
                pos_ += e.size();
                return make(TokenKind::Error, std::string(e), start);
            }
        }
        fail("unknown error literal", start);
    }

    Token name() {
        const std::size_t start = pos_;
        while (is_name_char(peek())) ++pos_;
        const std::string_view word = text_.substr(start, pos_ - start);

        if (peek() == '(') return make(TokenKind::Function, upper(word), start);

        const std::string up = upper(word);
        if (up == "TRUE" || up == "FALSE") return make(TokenKind::Boolean, up, start);

        if (CellAddress::parse(word)) {
            // A range is two references joined by ':' with no spaces.
            if (peek() == ':') {
                const std::size_t second = pos_ + 1;
                std::size_t end = second;
                while (end < text_.size() && is_name_char(text_[end])) ++end;
                if (!CellAddress::parse(text_.substr(second, end - second))) {
                    fail("malformed range reference", start);
                }
                pos_ = end;
            }
            return make(TokenKind::Reference, upper(text_.substr(start, pos_ - start)), start);
        }

        // Defined names are not supported yet; like an unknown function the
        // formula still compiles and evaluates to #NAME?.
        return make(TokenKind::Error, "#NAME?", start);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view text) {
    return Tokenizer(text).run();
}

}  // namespace oxl
