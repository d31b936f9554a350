package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.readingroom.search.SearchQueryException;
import com.readingroom.support.Fuzz;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of the query parser and the plan of a regular-expression search: any text is either a query
 * or a {@link SearchQueryException} with a reason, quickly; nothing else escapes (it would become a 500).
 */
class QueryParserFuzzTest {

    @Test
    void anyTextParsesOrIsRefusedWithAReason() {
        Fuzz.forAll(
                5000,
                QueryParserFuzzTest::query,
                query -> quickly(() -> {
                    try {
                        QueryParser.parse(query);
                    } catch (SearchQueryException refused) {
                        if (refused.getMessage().isBlank()) {
                            throw new AssertionError("a refusal without a reason for " + query);
                        }
                    }
                }));
    }

    /** What Java accepts as a regular expression, the trigram planner plans without failing (else it is refused). */
    @Test
    void anyValidRegularExpressionIsPlanned() {
        Fuzz.forAll(3000, QueryParserFuzzTest::regex, regex -> {
            try {
                java.util.regex.Pattern.compile(regex);
            } catch (java.util.regex.PatternSyntaxException refusedBeforePlanning) {
                return;
            }
            quickly(() -> RegexPlan.candidates(regex));
        });
    }

    private static void quickly(Runnable check) {
        assertThatCode(() -> CompletableFuture.runAsync(check).get(1, TimeUnit.SECONDS))
                .doesNotThrowAnyException();
    }

    private static String query(Fuzz fuzz) {
        return fuzz.join(
                " ",
                0,
                30,
                () -> fuzz.either(() -> fuzz.oneOf(QUERY_TOKENS), () -> fuzz.chars("ab_:*?\"()- \t\n\\/.%", 0, 16)));
    }

    private static String regex(Fuzz fuzz) {
        return fuzz.join(
                "",
                0,
                16,
                () -> fuzz.either(() -> fuzz.oneOf(REGEX_PIECES), () -> fuzz.chars("ab.*+?|()[]{}\\^$", 0, 8)));
    }

    private static final String[] QUERY_TOKENS = {
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
        "))))"
    };

    private static final String[] REGEX_PIECES = {
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
        "[^a]"
    };
}
