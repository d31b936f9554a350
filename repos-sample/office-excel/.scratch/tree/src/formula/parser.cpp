// parser.cpp - recursive-descent parser producing the formula syntax tree,
// and Formula::compile which ties tokenizer, parser and precedent
// extraction together.

#include "oxl/formula.hpp"

#include <algorithm>
#include <cctype>

namespace oxl {

namespace {

// Nesting limit keeps pathological input such as "((((...))))" from
// exhausting the stack.
constexpr int kMaxDepth = 256;

NodePtr make_node(Node::Type type) {
    auto n = std::make_unique<Node>();
    n->type = type;
    return n;
}

NodePtr make_binary(Op op, NodePtr lhs, NodePtr rhs) {
    auto n = make_node(Node::Type::Binary);
    n->op = op;
    n->children.push_back(std::move(lhs));
    n->children.push_back(std::move(rhs));
    return n;
}

NodePtr make_unary(Op op, NodePtr operand) {
    auto n = make_node(Node::Type::Unary);
    n->op = op;
    n->children.push_back(std::move(operand));
    return n;
}

ErrorCode error_from_literal(const std::string& text) {
    if (text == "#NULL!") return ErrorCode::Null;
    if (text == "#DIV/0!") return ErrorCode::Div0;
    if (text == "#REF!") return ErrorCode::Ref;
    if (text == "#NAME?") return ErrorCode::Name;
    if (text == "#NUM!") return ErrorCode::Num;
    if (text == "#N/A") return ErrorCode::NA;
    return ErrorCode::Value;
}

class Parser {
public:
    explicit Parser(const std::vector<Token>& tokens) : tokens_(tokens) {}

    NodePtr run() {
        if (tokens_.empty() || tokens_.front().kind == TokenKind::End) {
            throw FormulaSyntaxError("empty formula", 0);
        }
        NodePtr root = comparison();
        if (current().kind != TokenKind::End) fail("unexpected '" + current().text + "'");
        return root;
    }

private:
    const Token& current() const { return tokens_[pos_]; }
    void advance() {
        if (current().kind != TokenKind::End) ++pos_;
    }

    bool at_operator(std::string_view op) const {
        return current().kind == TokenKind::Operator && current().text == op;
    }

    [[noreturn]] void fail(const std::string& message) const {
        throw FormulaSyntaxError(message, current().offset);
    }

    struct DepthGuard {
        explicit DepthGuard(Parser& p) : parser(p) {
            if (++parser.depth_ > kMaxDepth) parser.fail("formula is nested too deeply");
        }
        ~DepthGuard() { --parser.depth_; }
        Parser& parser;
    };

    // comparison := concat (( '=' | '<>' | '<' | '<=' | '>' | '>=' ) concat)*
    NodePtr comparison() {
        NodePtr lhs = concat();
        while (current().kind == TokenKind::Operator) {
            Op op;
            const std::string& t = current().text;
            if (t == "=") op = Op::Eq;
            else if (t == "<>") op = Op::Ne;
            else if (t == "<") op = Op::Lt;
            else if (t == "<=") op = Op::Le;
            else if (t == ">") op = Op::Gt;
            else if (t == ">=") op = Op::Ge;
            else break;
            advance();
            lhs = make_binary(op, std::move(lhs), concat());
        }
        return lhs;
    }

    // concat := additive ('&' additive)*
    NodePtr concat() {
        NodePtr lhs = additive();
        while (at_operator("&")) {
            advance();
            lhs = make_binary(Op::Concat, std::move(lhs), additive());
        }
        return lhs;
    }

    // additive := term (('+' | '-') term)*
    NodePtr additive() {
        NodePtr lhs = term();
        while (at_operator("+") || at_operator("-")) {
            const Op op = current().text == "+" ? Op::Add : Op::Sub;
            advance();
            lhs = make_binary(op, std::move(lhs), term());
        }
        return lhs;
    }

    // term := power (('*' | '/') power)*
    NodePtr term() {
        NodePtr lhs = power();
        while (at_operator("*") || at_operator("/")) {
            const Op op = current().text == "*" ? Op::Mul : Op::Div;
            advance();
            lhs = make_binary(op, std::move(lhs), power());
        }
        return lhs;
    }

    // power := unary ('^' unary)*
    NodePtr power() {
        NodePtr lhs = unary();
        while (at_operator("^")) {
            advance();
            lhs = make_binary(Op::Pow, std::move(lhs), unary());
        }
        return lhs;
    }

    // unary := ('-' | '+') unary | postfix
    //
    // Sign operators bind tighter than '^': -2^2 is (-2)^2 = 4, and an
    // exponent may carry its own sign, as in 2^-1. This differs from written
    // mathematics but is what every spreadsheet does, and existing workbooks
    // depend on it.
    NodePtr unary() {
        if (at_operator("-") || at_operator("+")) {
            DepthGuard guard(*this);
            const Op op = current().text == "-" ? Op::Negate : Op::Plus;
            advance();
            return make_unary(op, unary());
        }
        return postfix();
    }

    // postfix := primary '%'*
    NodePtr postfix() {
        NodePtr operand = primary();
        while (at_operator("%")) {
            advance();
            operand = make_unary(Op::Percent, std::move(operand));
        }
        return operand;
    }

    NodePtr primary() {
        DepthGuard guard(*this);
        const Token& t = current();
        switch (t.kind) {
            case TokenKind::Number: {
                auto n = make_node(Node::Type::Literal);
                n->literal = Value::number(t.number);
                advance();
                return n;
            }
            case TokenKind::String: {
                auto n = make_node(Node::Type::Literal);
                n->literal = Value::text(t.text);
                advance();
                return n;
            }
            case TokenKind::Boolean: {
                auto n = make_node(Node::Type::Literal);
                n->literal = Value::boolean(t.text == "TRUE");
                advance();
                return n;
            }
            case TokenKind::Error: {
                auto n = make_node(Node::Type::Literal);
                n->literal = Value::error(error_from_literal(t.text));
                advance();
                return n;
            }
            case TokenKind::Reference: {
                const auto range = CellRange::parse(t.text);
                if (!range) fail("invalid reference '" + t.text + "'");
                auto n = make_node(range->is_single() && t.text.find(':') == std::string::npos
                                       ? Node::Type::Reference
                                       : Node::Type::Range);
                n->range = *range;
                advance();
                return n;
            }
            case TokenKind::Function: return call();
            case TokenKind::LParen: {
                advance();
                NodePtr inner = comparison();
                if (current().kind != TokenKind::RParen) fail("expected ')'");
                advance();
                return inner;
            }
            case TokenKind::End: fail("formula ends unexpectedly");
            default: fail("unexpected '" + t.text + "'");
        }
    }

    // call := FUNCTION '(' [arg (',' arg)*] ')'   where an arg may be empty
    NodePtr call() {
        auto n = make_node(Node::Type::Call);
        n->name = current().text;
        advance();  // name
        advance();  // '(' - guaranteed by the tokenizer

        if (current().kind == TokenKind::RParen) {
            advance();
            return n;
        }
        while (true) {
            if (current().kind == TokenKind::Comma || current().kind == TokenKind::RParen) {
                n->children.push_back(make_node(Node::Type::Literal));  // omitted argument
            } else {
                n->children.push_back(comparison());
            }
            if (current().kind == TokenKind::Comma) {
                advance();
                continue;
            }
            if (current().kind == TokenKind::RParen) {
                advance();
                return n;
            }
            fail("expected ',' or ')' in call to " + n->name);
        }
    }

    const std::vector<Token>& tokens_;
    std::size_t pos_ = 0;
    int depth_ = 0;
};

void collect_precedents(const Node& node, std::vector<CellRange>& out) {
    if (node.type == Node::Type::Reference || node.type == Node::Type::Range) {
        if (std::find(out.begin(), out.end(), node.range) == out.end()) out.push_back(node.range);
        return;
    }
    for (const auto& child : node.children) collect_precedents(*child, out);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

NodePtr parse(const std::vector<Token>& tokens) {
    return Parser(tokens).run();
}

std::shared_ptr<const Formula> Formula::compile(std::string_view text) {
    const std::string_view body = trim(text);
    auto root = parse(tokenize(body));

    std::shared_ptr<Formula> f(new Formula());
    f->text_ = std::string(body);
    f->root_ = std::move(root);
    collect_precedents(*f->root_, f->precedents_);
    return f;
}

}  // namespace oxl
