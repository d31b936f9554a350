// formula.hpp - tokenizer, syntax tree, parser and evaluator entry points.
//
// Formula text is handled without its leading '='. References are relative
// to the sheet that owns the formula; sheet-qualified references are not
// supported yet.
#pragma once

#include "oxl/address.hpp"
#include "oxl/value.hpp"

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace oxl {

class FunctionRegistry;

class FormulaSyntaxError : public std::runtime_error {
public:
    FormulaSyntaxError(const std::string& message, std::size_t offset)
        : std::runtime_error(message), offset_(offset) {}
    // Byte offset in the formula text where the problem was detected.
    std::size_t offset() const noexcept { return offset_; }

private:
    std::size_t offset_;
};

// ---------------------------------------------------------------- tokens

enum class TokenKind {
    Number,
    String,     // text is the unquoted content
    Boolean,    // text is "TRUE" or "FALSE"
    Error,      // literal error such as #N/A
    Reference,  // A1, $B$2, or a range A1:B9 (text keeps the original spelling)
    Function,   // identifier immediately followed by '('; text is upper-cased
    Operator,   // + - * / ^ & = <> < <= > >= %
    LParen,
    RParen,
    Comma,
    End,
};

struct Token {
    TokenKind kind = TokenKind::End;
    std::string text;
    double number = 0.0;
    std::size_t offset = 0;
};

// Throws FormulaSyntaxError on unterminated strings, stray characters or
// malformed references.
std::vector<Token> tokenize(std::string_view text);

// ------------------------------------------------------------ syntax tree

enum class Op {
    Add, Sub, Mul, Div, Pow, Concat,
    Eq, Ne, Lt, Le, Gt, Ge,
    Negate, Plus, Percent,
};

struct Node {
    enum class Type { Literal, Reference, Range, Unary, Binary, Call };

    Type type = Type::Literal;
    Value literal;                  // Literal
    CellRange range;                // Reference (single cell) and Range
    Op op = Op::Add;                // Unary and Binary
    std::string name;               // Call: upper-case function name
    std::vector<std::unique_ptr<Node>> children;
};

using NodePtr = std::unique_ptr<Node>;

// Builds a syntax tree from tokens. Throws FormulaSyntaxError.
//
// Precedence, lowest first: comparisons, &, + -, * /, ^, postfix %, unary
// minus/plus. All binary operators are left-associative.
NodePtr parse(const std::vector<Token>& tokens);

// -------------------------------------------------------------- formulas

// A compiled formula. Immutable and shareable between cells that were
// filled with the same text.
class Formula {
public:
    // Throws FormulaSyntaxError.
    static std::shared_ptr<const Formula> compile(std::string_view text);

    // The formula as typed, without '=' and surrounding whitespace.
    const std::string& text() const noexcept { return text_; }
    const Node& root() const noexcept { return *root_; }

    // Ranges read by the formula, in source order with duplicates removed.
    // Single-cell references appear as one-cell ranges.
    const std::vector<CellRange>& precedents() const noexcept { return precedents_; }

private:
    Formula() = default;

    std::string text_;
    NodePtr root_;
    std::vector<CellRange> precedents_;
};

// ------------------------------------------------------------ evaluation

// Read access to the grid during evaluation.
class EvalContext {
public:
    virtual ~EvalContext() = default;
    virtual Value cell_value(CellAddress addr) const = 0;
};

// Evaluates a tree. Never throws for spreadsheet-level failures; those are
// reported as error values.
Value evaluate(const Node& node, const EvalContext& ctx, const FunctionRegistry& functions);

}  // namespace oxl
