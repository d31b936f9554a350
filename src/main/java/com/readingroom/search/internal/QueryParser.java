package com.readingroom.search.internal;

import com.readingroom.search.SearchQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the query language of {@link com.readingroom.search.CodeSearch}. Hand-written so that every error says
 * what is wrong and at which column, in words, and so that code (which is full of colons, minus signs and brackets)
 * is read the way a programmer means it: {@code std::vector} is text, {@code foo:bar} with an unknown prefix is an
 * error that says which prefixes exist.
 */
final class QueryParser {

    static final int MAX_LENGTH = 2000;

    static final Set<String> FIELDS = Set.of("path", "file", "lang", "repo", "product", "ref", "def", "sym", "hist");

    private static final Pattern PREFIX = Pattern.compile("([A-Za-z]+):(?!:)(.*)", Pattern.DOTALL);

    private enum Kind {
        WORD,
        QUOTED,
        OPEN,
        CLOSE
    }

    private record Token(Kind kind, String text, int column) {}

    private final List<Token> tokens;
    private int next;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static QueryNode parse(String query) {
        if (query == null || query.isBlank()) {
            throw new SearchQueryException("Type something to search for.", 0);
        }
        if (query.length() > MAX_LENGTH) {
            throw new SearchQueryException(
                    "The query is " + query.length() + " characters long; at most " + MAX_LENGTH + " are allowed.",
                    MAX_LENGTH + 1);
        }
        for (int i = 0; i < query.length(); i++) {
            if (Character.isISOControl(query.charAt(i)) && !Character.isWhitespace(query.charAt(i))) {
                throw new SearchQueryException(
                        "The query contains a control character at column " + (i + 1) + ".", i + 1);
            }
        }
        QueryParser parser = new QueryParser(lex(query));
        QueryNode node = parser.or(null);
        if (parser.next < parser.tokens.size()) {
            Token extra = parser.tokens.get(parser.next);
            throw new SearchQueryException("')' at column " + extra.column() + " has no matching '('.", extra.column());
        }
        return node;
    }

    private static List<Token> lex(String query) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int length = query.length();
        while (i < length) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "(", i + 1));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")", i + 1));
                i++;
            } else if (c == '"') {
                int close = query.indexOf('"', i + 1);
                if (close < 0) {
                    throw new SearchQueryException(
                            "The quote at column " + (i + 1) + " is never closed: add a '\"' at the end of the phrase.",
                            i + 1);
                }
                tokens.add(new Token(Kind.QUOTED, query.substring(i + 1, close), i + 1));
                i = close + 1;
            } else {
                int start = i;
                int depth = 0;
                while (i < length) {
                    char d = query.charAt(i);
                    if (Character.isWhitespace(d)
                            || (d == ')' && depth == 0)
                            || (d == '(' && i > start && !midWord(query, start, i))) {
                        break;
                    }
                    if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        depth--;
                    }
                    if (d == '"' && i > start && query.charAt(i - 1) == ':') {
                        break;
                    }
                    i++;
                }
                if (i == start) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, query.substring(start, i), start + 1));
            }
        }
        return tokens;
    }

    /**
     * Whether a '(' inside a word belongs to it ({@code spin_lock(}) rather than opening a group after a prefix
     * ({@code lang:(c OR cpp)}).
     */
    private static boolean midWord(String query, int start, int at) {
        return query.charAt(at - 1) != ':';
    }

    private QueryNode or(String field) {
        List<QueryNode> any = new ArrayList<>();
        any.add(and(field));
        while (peekOperator("OR", "||")) {
            Token operator = tokens.get(next++);
            if (atEnd() || peek(Kind.CLOSE)) {
                throw new SearchQueryException(
                        "'" + operator.text() + "' at column " + operator.column() + " needs something after it.",
                        operator.column());
            }
            any.add(and(field));
        }
        return any.size() == 1 ? any.getFirst() : new QueryNode.Any(any);
    }

    private QueryNode and(String field) {
        List<QueryNode> all = new ArrayList<>();
        if (atEnd() || peek(Kind.CLOSE)) {
            int column = atEnd() ? 0 : tokens.get(next).column();
            throw new SearchQueryException(
                    column == 0
                            ? "The query ends where a word was expected."
                            : "Nothing to search for before ')' at column " + column + ".",
                    column);
        }
        if (peekOperator("AND", "&&") || peekOperator("OR", "||")) {
            Token operator = tokens.get(next);
            throw new SearchQueryException(
                    "'" + operator.text() + "' at column " + operator.column() + " needs something before it.",
                    operator.column());
        }
        all.add(unary(field));
        while (!atEnd() && !peek(Kind.CLOSE) && !peekOperator("OR", "||")) {
            if (peekOperator("AND", "&&")) {
                Token operator = tokens.get(next++);
                if (atEnd() || peek(Kind.CLOSE) || peekOperator("OR", "||") || peekOperator("AND", "&&")) {
                    throw new SearchQueryException(
                            "'" + operator.text() + "' at column " + operator.column() + " needs something after it.",
                            operator.column());
                }
            }
            all.add(unary(field));
        }
        return all.size() == 1 ? all.getFirst() : new QueryNode.All(all);
    }

    private QueryNode unary(String field) {
        Token token = tokens.get(next);
        if (token.kind() == Kind.WORD
                && (token.text().equals("NOT") || token.text().equals("!"))) {
            next++;
            if (atEnd() || peek(Kind.CLOSE)) {
                throw new SearchQueryException(
                        "'" + token.text() + "' at column " + token.column() + " needs something after it.",
                        token.column());
            }
            return new QueryNode.Not(unary(field));
        }
        if (token.kind() == Kind.WORD
                && token.text().length() > 1
                && (token.text().startsWith("-") || token.text().startsWith("+"))) {
            next++;
            Token rest = new Token(Kind.WORD, token.text().substring(1), token.column() + 1);
            QueryNode node = leaf(field, rest);
            return token.text().startsWith("-") ? new QueryNode.Not(node) : node;
        }
        return primary(field);
    }

    private QueryNode primary(String field) {
        Token token = tokens.get(next++);
        switch (token.kind()) {
            case OPEN -> {
                QueryNode inner = or(field);
                if (atEnd() || !peek(Kind.CLOSE)) {
                    throw new SearchQueryException(
                            "The '(' at column " + token.column() + " is never closed: add a ')'.", token.column());
                }
                next++;
                return inner;
            }
            case CLOSE ->
                throw new SearchQueryException(
                        "')' at column " + token.column() + " has no matching '('.", token.column());
            case QUOTED -> {
                return quoted(field, token);
            }
            default -> {
                return leaf(field, token);
            }
        }
    }

    private QueryNode quoted(String field, Token token) {
        if (token.text().isBlank()) {
            throw new SearchQueryException("The phrase at column " + token.column() + " is empty.", token.column());
        }
        return new QueryNode.Leaf(field, token.text(), true, token.column());
    }

    private QueryNode leaf(String field, Token token) {
        Matcher prefix = PREFIX.matcher(token.text());
        if (prefix.matches() && !prefix.group(2).startsWith(":")) {
            String name = prefix.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!FIELDS.contains(name)) {
                throw new SearchQueryException(
                        "Unknown prefix '" + prefix.group(1) + ":' at column " + token.column()
                                + ". Known prefixes: path:, file:, lang:, repo:, product:, ref:, def:, sym:, hist:."
                                + " To search for the text itself, put it in double quotes.",
                        token.column());
            }
            if (field != null) {
                throw new SearchQueryException(
                        "'" + name + ":' at column " + token.column() + " is inside '" + field
                                + ":( ... )'; use one prefix.",
                        token.column());
            }
            String value = prefix.group(2);
            int valueColumn = token.column() + prefix.group(1).length() + 1;
            if (value.isEmpty()) {
                if (atEnd() || (!peek(Kind.QUOTED) && !peek(Kind.OPEN))) {
                    throw new SearchQueryException(
                            "'" + name + ":' at column " + token.column() + " needs a value, e.g. " + example(name)
                                    + ".",
                            token.column());
                }
                Token following = tokens.get(next);
                if (following.kind() == Kind.QUOTED) {
                    next++;
                    return quoted(name, following);
                }
                next++;
                QueryNode group = or(name);
                if (atEnd() || !peek(Kind.CLOSE)) {
                    throw new SearchQueryException(
                            "The '(' at column " + following.column() + " is never closed: add a ')'.",
                            following.column());
                }
                next++;
                return group;
            }
            return word(name, value, valueColumn);
        }
        return word(field, token.text(), token.column());
    }

    private static QueryNode word(String field, String text, int column) {
        if (text.chars().allMatch(c -> c == '*' || c == '?')) {
            throw new SearchQueryException(
                    "The wildcard at column " + column + " needs at least one other character, e.g. kmem_cache_*.",
                    column);
        }
        return new QueryNode.Leaf(field, text, false, column);
    }

    private static String example(String field) {
        return switch (field) {
            case "path" -> "path:drivers/net";
            case "file" -> "file:*.c";
            case "lang" -> "lang:c";
            case "repo" -> "repo:linux";
            case "product" -> "product:windows";
            case "ref" -> "ref:release/6.1";
            case "def" -> "def:kmalloc";
            case "sym" -> "sym:KeBugCheck";
            default -> "hist:\"fix race\"";
        };
    }

    private boolean atEnd() {
        return next >= tokens.size();
    }

    private boolean peek(Kind kind) {
        return !atEnd() && tokens.get(next).kind() == kind;
    }

    private boolean peekOperator(String word, String symbol) {
        if (atEnd() || tokens.get(next).kind() != Kind.WORD) {
            return false;
        }
        String text = tokens.get(next).text();
        return text.equals(word) || text.equals(symbol);
    }
}
