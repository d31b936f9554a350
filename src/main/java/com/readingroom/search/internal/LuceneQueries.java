package com.readingroom.search.internal;

import com.readingroom.search.SearchQueryException;
import com.readingroom.source.SourceRef;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Turns a parsed query into a Lucene query over {@link IndexSchema}, and tells what to highlight. Words are scanned
 * with {@link CodeScanner}, as the content was when indexed.
 */
final class LuceneQueries {

    private static final Map<String, String> LANGUAGE_ALIASES = Map.ofEntries(
            Map.entry("c++", "cpp"),
            Map.entry("h", "cpp"),
            Map.entry("js", "javascript"),
            Map.entry("ts", "typescript"),
            Map.entry("sh", "bash"),
            Map.entry("shell", "bash"),
            Map.entry("asm", "x86asm"),
            Map.entry("assembly", "x86asm"),
            Map.entry("make", "makefile"),
            Map.entry("py", "python"),
            Map.entry("cs", "csharp"),
            Map.entry("c#", "csharp"),
            Map.entry("text", "plaintext"),
            Map.entry("txt", "plaintext"));

    private final IndexState state;
    private final Highlights highlights = new Highlights();
    private boolean commits;
    private boolean files;

    private LuceneQueries(IndexState state) {
        this.state = state;
    }

    /** What a parsed query became: the Lucene query, whether it searches commits, and what to highlight. */
    record Compiled(Query query, boolean commits, Highlights highlights) {}

    static Compiled compile(QueryNode node, IndexState state) {
        LuceneQueries queries = new LuceneQueries(state);
        Query query = queries.toQuery(node, false);
        if (queries.commits && queries.files) {
            throw new SearchQueryException(
                    "'hist:' searches commit messages; combine it only with repo:, product: or ref:, not with words or"
                            + " prefixes of files.",
                    0);
        }
        return new Compiled(query, queries.commits, queries.highlights);
    }

    private Query toQuery(QueryNode node, boolean negated) {
        return switch (node) {
            case QueryNode.Leaf leaf -> leaf(leaf, negated);
            case QueryNode.Not not -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                builder.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.FILTER);
                builder.add(toQuery(not.node(), !negated), BooleanClause.Occur.MUST_NOT);
                yield builder.build();
            }
            case QueryNode.All all -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                boolean positive = false;
                for (QueryNode child : all.nodes()) {
                    if (child instanceof QueryNode.Not not) {
                        builder.add(toQuery(not.node(), !negated), BooleanClause.Occur.MUST_NOT);
                    } else {
                        builder.add(toQuery(child, negated), BooleanClause.Occur.MUST);
                        positive = true;
                    }
                }
                if (!positive) {
                    builder.add(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.FILTER);
                }
                yield builder.build();
            }
            case QueryNode.Any any -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                for (QueryNode child : any.nodes()) {
                    builder.add(toQuery(child, negated), BooleanClause.Occur.SHOULD);
                }
                yield builder.build();
            }
        };
    }

    private Query leaf(QueryNode.Leaf leaf, boolean negated) {
        String field = leaf.field();
        String text = leaf.text();
        if (field == null) {
            files = true;
            return words(IndexSchema.CONTENT, leaf, negated ? null : highlights.content());
        }
        return switch (field) {
            case "hist" -> {
                commits = true;
                yield words(IndexSchema.MESSAGE, leaf, negated ? null : highlights.content());
            }
            case "path" -> {
                files = true;
                yield leaf.hasWildcard()
                        ? new WildcardQuery(new Term(IndexSchema.PATH, text))
                        : words(IndexSchema.PATH_TEXT, leaf, null);
            }
            case "file" -> {
                files = true;
                String name = text.toLowerCase(Locale.ROOT);
                yield leaf.hasWildcard()
                        ? new WildcardQuery(new Term(IndexSchema.FILE_NAME, name))
                        : new TermQuery(new Term(IndexSchema.FILE_NAME, name));
            }
            case "lang" -> {
                files = true;
                String language = text.toLowerCase(Locale.ROOT);
                yield new TermQuery(new Term(IndexSchema.LANGUAGE, LANGUAGE_ALIASES.getOrDefault(language, language)));
            }
            case "repo" ->
                leaf.hasWildcard()
                        ? new WildcardQuery(new Term(IndexSchema.REPOSITORY, text))
                        : new TermQuery(new Term(IndexSchema.REPOSITORY, text));
            case "product" -> new TermQuery(new Term(IndexSchema.PRODUCT, text.toLowerCase(Locale.ROOT)));
            case "ref" -> refQuery(leaf);
            case "def" -> {
                files = true;
                yield definition(leaf, negated);
            }
            case "sym" -> {
                files = true;
                if (!negated) {
                    highlights
                            .symbols()
                            .add(
                                    leaf.hasWildcard()
                                            ? wildcardPattern(text, false)
                                            : Pattern.compile(Pattern.quote(text)));
                }
                yield leaf.hasWildcard()
                        ? new WildcardQuery(new Term(IndexSchema.SYMBOL, text))
                        : new TermQuery(new Term(IndexSchema.SYMBOL, text));
            }
            default -> throw new SearchQueryException("Unknown prefix '" + field + ":'.", leaf.column());
        };
    }

    private Query definition(QueryNode.Leaf leaf, boolean negated) {
        String text = leaf.text().toLowerCase(Locale.ROOT);
        int colon = text.indexOf(':');
        String kind = colon > 0 ? text.substring(0, colon) : null;
        String name = colon > 0 ? text.substring(colon + 1) : text;
        if (name.isEmpty()) {
            throw new SearchQueryException(
                    "'def:" + leaf.text() + "' at column " + leaf.column() + " names a kind but no symbol, e.g."
                            + " def:function:kmalloc.",
                    leaf.column());
        }
        if (!negated) {
            highlights
                    .definitions()
                    .add(
                            leaf.hasWildcard()
                                    ? wildcardPattern(name, true)
                                    : Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE));
        }
        String field = kind == null ? IndexSchema.DEFINITION : IndexSchema.DEFINITION_KIND;
        String value = kind == null ? name : kind + ":" + name;
        return leaf.hasWildcard() ? new WildcardQuery(new Term(field, value)) : new TermQuery(new Term(field, value));
    }

    private Query words(String field, QueryNode.Leaf leaf, Highlights.Content highlight) {
        String text = leaf.text();
        if (leaf.hasWildcard()) {
            String pattern = text.toLowerCase(Locale.ROOT);
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c != '*' && c != '?' && !CodeScanner.isWordChar(c)) {
                    throw new SearchQueryException(
                            "A wildcard works within one word; '" + text + "' at column " + leaf.column() + " has '" + c
                                    + "' in it. Use regular-expression mode for more.",
                            leaf.column());
                }
            }
            if (highlight != null) {
                highlight.wildcards().add(wildcardPattern(pattern, false));
            }
            return wholeOrPart(
                    field,
                    new WildcardQuery(new Term(field, pattern)),
                    new WildcardQuery(new Term(IndexSchema.PART, pattern)));
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            throw new SearchQueryException(
                    "'" + text + "' at column " + leaf.column() + " has no letters or digits to search for; use"
                            + " regular-expression mode to search for punctuation.",
                    leaf.column());
        }
        if (words.size() == 1) {
            if (highlight != null) {
                highlight.terms().add(words.getFirst());
            }
            return wholeOrPart(
                    field,
                    new TermQuery(new Term(field, words.getFirst())),
                    new TermQuery(new Term(IndexSchema.PART, words.getFirst())));
        }
        if (highlight != null) {
            highlight.phrases().add(words);
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (String word : words) {
            phrase.add(new Term(field, word));
        }
        return phrase.build();
    }

    /** In the content, a word is a whole identifier or a part of one; elsewhere only whole. */
    private static Query wholeOrPart(String field, Query whole, Query part) {
        if (!field.equals(IndexSchema.CONTENT)) {
            return whole;
        }
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        either.add(whole, BooleanClause.Occur.SHOULD);
        either.add(part, BooleanClause.Occur.SHOULD);
        return either.build();
    }

    /** The whole words of a text, lowercased, as the index holds them (parts are left to the index). */
    static List<String> words(String text) {
        CodeScanner scanner = new CodeScanner();
        char[] chars = text.toCharArray();
        scanner.reset(chars, chars.length);
        List<String> words = new ArrayList<>();
        while (scanner.next()) {
            if (!scanner.isPart()) {
                words.add(scanner.lowercase());
            }
        }
        return words;
    }

    private Query refQuery(QueryNode.Leaf leaf) {
        Pattern wanted = leaf.hasWildcard() ? wildcardPattern(leaf.text(), false) : null;
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        int clauses = 0;
        List<GrantFilter.Clause> refClauses = new ArrayList<>();
        for (IndexState.RepositoryState repository : state.repositories().values()) {
            BitSet bits = new BitSet();
            for (IndexState.RefState ref : repository.refs()) {
                String shortName = SourceRef.shortName(ref.name());
                boolean matches = wanted != null
                        ? wanted.matcher(shortName).matches()
                                || wanted.matcher(ref.name()).matches()
                        : shortName.equals(leaf.text()) || ref.name().equals(leaf.text());
                if (matches) {
                    bits.set(ref.ordinal());
                }
            }
            if (!bits.isEmpty()) {
                refClauses.add(new GrantFilter.Clause(repository.name(), bits.toByteArray(), null));
                clauses++;
            }
        }
        if (clauses == 0) {
            return new MatchNoDocsQuery("no indexed ref is named " + leaf.text());
        }
        any.add(new GrantFilter(refClauses, null), BooleanClause.Occur.FILTER);
        return any.build();
    }

    /** A wildcard as a regular expression over a whole word. */
    static Pattern wildcardPattern(String wildcard, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : wildcard.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
