package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.readingroom.search.SearchQueryException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query language reads code the way a programmer means it, and every mistake is told in words, with where. */
class QueryParserTest {

    private static QueryNode.Leaf leaf(String field, String text) {
        return new QueryNode.Leaf(field, text, false, 0);
    }

    private static QueryNode withoutColumns(QueryNode node) {
        return switch (node) {
            case QueryNode.Leaf leaf -> new QueryNode.Leaf(leaf.field(), leaf.text(), leaf.quoted(), 0);
            case QueryNode.Not not -> new QueryNode.Not(withoutColumns(not.node()));
            case QueryNode.All all ->
                new QueryNode.All(all.nodes().stream()
                        .map(QueryParserTest::withoutColumns)
                        .toList());
            case QueryNode.Any any ->
                new QueryNode.Any(any.nodes().stream()
                        .map(QueryParserTest::withoutColumns)
                        .toList());
        };
    }

    private static QueryNode parse(String query) {
        return withoutColumns(QueryParser.parse(query));
    }

    @Test
    void wordsAreAllRequiredUnlessJoinedByOr() {
        assertThat(parse("copy_from_user copy_to_user"))
                .isEqualTo(new QueryNode.All(List.of(leaf(null, "copy_from_user"), leaf(null, "copy_to_user"))));
        assertThat(parse("copy_from_user AND copy_to_user"))
                .isEqualTo(new QueryNode.All(List.of(leaf(null, "copy_from_user"), leaf(null, "copy_to_user"))));
        assertThat(parse("a OR b c"))
                .isEqualTo(new QueryNode.Any(
                        List.of(leaf(null, "a"), new QueryNode.All(List.of(leaf(null, "b"), leaf(null, "c"))))));
        assertThat(parse("a || b")).isEqualTo(new QueryNode.Any(List.of(leaf(null, "a"), leaf(null, "b"))));
    }

    @Test
    void notMinusAndParenthesesGroup() {
        assertThat(parse("mutex NOT (lock OR unlock)"))
                .isEqualTo(new QueryNode.All(List.of(
                        leaf(null, "mutex"),
                        new QueryNode.Not(new QueryNode.Any(List.of(leaf(null, "lock"), leaf(null, "unlock")))))));
        assertThat(parse("mutex -lock"))
                .isEqualTo(new QueryNode.All(List.of(leaf(null, "mutex"), new QueryNode.Not(leaf(null, "lock")))));
    }

    @Test
    void phrasesPrefixesAndCodeWithPunctuation() {
        assertThat(parse("\"return -EINVAL\"")).isEqualTo(new QueryNode.Leaf(null, "return -EINVAL", true, 0));
        assertThat(parse("path:drivers/net ring"))
                .isEqualTo(new QueryNode.All(List.of(leaf("path", "drivers/net"), leaf(null, "ring"))));
        assertThat(parse("def:function:kmalloc")).isEqualTo(leaf("def", "function:kmalloc"));
        assertThat(parse("std::vector")).isEqualTo(leaf(null, "std::vector"));
        assertThat(parse("spin_lock(&x->lock)")).isEqualTo(leaf(null, "spin_lock(&x->lock)"));
        assertThat(parse("file:\"my file.c\"")).isEqualTo(new QueryNode.Leaf("file", "my file.c", true, 0));
        assertThat(parse("lang:(c OR cpp)"))
                .isEqualTo(new QueryNode.Any(List.of(leaf("lang", "c"), leaf("lang", "cpp"))));
        assertThat(parse("kmem_cache_*")).isEqualTo(leaf(null, "kmem_cache_*"));
        assertThat(((QueryNode.Leaf) parse("kmem_cache_*")).hasWildcard()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "|Type something to search for.|0",
                "\"return -EINVAL|The quote at column 1 is never closed|1",
                "(mutex OR lock|The '(' at column 1 is never closed|1",
                "mutex)|')' at column 6 has no matching '('|6",
                "mutex AND|'AND' at column 7 needs something after it|7",
                "OR mutex|'OR' at column 1 needs something before it|1",
                "mutex OR|'OR' at column 7 needs something after it|7",
                "NOT|'NOT' at column 1 needs something after it|1",
                "paht:foo|Unknown prefix 'paht:' at column 1|1",
                "path:|'path:' at column 1 needs a value, e.g. path:drivers/net|1",
                "*|The wildcard at column 1 needs at least one other character|1",
                "()|Nothing to search for before ')' at column 2|2",
                "\"\"|The phrase at column 1 is empty|1",
                "lang:(repo:x)|'repo:' at column 7 is inside 'lang:( ... )'|7"
            })
    void malformedQueriesSayWhatIsWrongAndWhere(String query, String message, int column) {
        assertThatThrownBy(() -> QueryParser.parse(query == null ? "" : query))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((SearchQueryException) e).column()).isEqualTo(column));
    }

    @Test
    void anOverlongQueryIsRefusedWithItsLength() {
        assertThatThrownBy(() -> QueryParser.parse("a".repeat(10_000_000)))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("10000000 characters long");
    }

    @Test
    void aControlCharacterIsRefused() {
        assertThatThrownBy(() -> QueryParser.parse("a\u0000b"))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("control character at column 2");
    }

    @Test
    void aWildcardAcrossPunctuationIsExplained() {
        assertThatThrownBy(() -> LuceneQueries.compile(QueryParser.parse("foo.*"), IndexState.empty()))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("A wildcard works within one word");
    }

    @Test
    void histCannotBeMixedWithFileWords() {
        assertThatThrownBy(() -> LuceneQueries.compile(QueryParser.parse("hist:fix mutex"), IndexState.empty()))
                .isInstanceOf(SearchQueryException.class)
                .hasMessageContaining("'hist:' searches commit messages");
    }
}
