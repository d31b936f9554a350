package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.readingroom.search.SearchQueryException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of the query parser and the plan of a regular-expression search: any text is either a query
 * or a {@link SearchQueryException} with a reason, quickly; nothing else escapes (it would become a 500).
 */
class QueryParserFuzzTest {

    @Property(tries = 5000)
    void anyTextParsesOrIsRefusedWithAReason(@ForAll("queries") String query) {
        quickly(() -> {
            try {
                QueryParser.parse(query);
            } catch (SearchQueryException refused) {
                if (refused.getMessage().isBlank()) {
                    throw new AssertionError("a refusal without a reason for " + query);
                }
            }
        });
    }

    /** What Java accepts as a regular expression, the trigram planner plans without failing (else it is refused). */
    @Property(tries = 3000)
    void anyValidRegularExpressionIsPlanned(@ForAll("regexes") String regex) {
        try {
            java.util.regex.Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException refusedBeforePlanning) {
            return;
        }
        quickly(() -> RegexPlan.candidates(regex));
    }

    private static void quickly(Runnable check) {
        assertThatCode(() -> CompletableFuture.runAsync(check).get(1, TimeUnit.SECONDS))
                .doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of(
                        "AND",
                        "OR",
                        "NOT",
                        "-",
                        "(",
                        ")",
                        "\"",
                        "*",
                        "?",
                        "path:",
                        "file:",
                        "lang:",
                        "repo:",
                        "product:",
                        "ref:",
                        "def:",
                        "def:function:",
                        "sym:",
                        "hist:",
                        "\\",
                        "::",
                        ":",
                        "\u0000",
                        "\u202e",
                        "🙂",
                        "spin_lock",
                        "a\"b",
                        "((((",
                        "))))"),
                Arbitraries.strings().withChars("ab_:*?\"()- \t\n\\/.%").ofMaxLength(16));
        return token.list().ofMaxSize(30).map(tokens -> String.join(" ", tokens));
    }

    @Provide
    Arbitrary<String> regexes() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(
                        "(",
                        ")",
                        "[",
                        "]",
                        "{",
                        "}",
                        "*",
                        "+",
                        "?",
                        "|",
                        "\\",
                        "\\Q",
                        "\\E",
                        "(?i)",
                        "(?u)",
                        "(?=",
                        "(?<n>",
                        "\\k<n>",
                        "\\p{L}",
                        "a{1000000}",
                        ".*",
                        "^",
                        "$",
                        "\\b",
                        "\\1",
                        "(a+)+",
                        "[^a]"),
                Arbitraries.strings().withChars("ab.*+?|()[]{}\\^$").ofMaxLength(8));
        return piece.list().ofMaxSize(16).map(pieces -> String.join("", pieces));
    }
}
