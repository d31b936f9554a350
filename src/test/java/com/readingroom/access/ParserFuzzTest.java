package com.readingroom.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.readingroom.support.Fuzz;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of what turns untrusted text into access decisions: the path normaliser, the ref check and
 * the glob matcher. Inputs are built from the characters attackers use (separators, dots, percent signs, backslashes,
 * control characters, wildcards, long runs); whatever the input, the only failure is the documented refusal, and no
 * answer takes long.
 */
class ParserFuzzTest {

    private static final Duration LIMIT = Duration.ofMillis(500);

    @Test
    void theNormaliserRefusesOrReturnsACleanPathThatItKeeps() {
        Fuzz.forAll(3000, ParserFuzzTest::path, raw -> {
            String path;
            try {
                path = RepositoryPath.normalise(raw);
            } catch (RepositoryPath.InvalidPathException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            assertThat(path).doesNotStartWith("/").doesNotEndWith("/").doesNotContain("//", "\\");
            assertThat(("/" + path + "/")).doesNotContain("/../", "/./");
            assertThat(path.chars()).noneMatch(Character::isISOControl);
            assertThat(RepositoryPath.normalise(path)).isEqualTo(path);
        });
    }

    @Test
    void theRefCheckRefusesOrAcceptsAFullRefName() {
        Fuzz.forAll(3000, ParserFuzzTest::ref, ref -> {
            try {
                String checked = RefName.check(ref);
                assertThat(checked).startsWith("refs/").doesNotContain("..", "//", "\\", "@{");
            } catch (RefName.InvalidRefException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        });
    }

    @Test
    void globsCompileOrAreRefusedAndMatchAnyPathQuickly() {
        Fuzz.forAll(2000, fuzz -> new String[] {glob(fuzz), path(fuzz)}, pair -> {
            PathGlob compiled;
            try {
                compiled = PathGlob.compile(pair[0]);
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
                return;
            }
            within(() -> {
                compiled.matches(pair[1]);
                compiled.matchesIgnoringCase(pair[1]);
                compiled.mayMatchUnder(pair[1]);
                compiled.coversEverythingUnder(pair[1]);
            });
        });
    }

    @Test
    void adversarialGlobsAgainstLongPathsAnswerQuickly() {
        Fuzz.forAll(200, fuzz -> new String[] {wildcardHeavy(fuzz), longPath(fuzz)}, pair -> {
            PathGlob compiled;
            try {
                compiled = PathGlob.compile(pair[0]);
            } catch (IllegalArgumentException refused) {
                return;
            }
            within(() -> {
                compiled.matches(pair[1]);
                compiled.matchesIgnoringCase(pair[1]);
                compiled.mayMatchUnder(pair[1]);
            });
        });
    }

    /** The automaton answers exactly as the pattern's regular expression did (the reference, below). */
    @Test
    void theAutomatonMatchesWhatTheRegularExpressionMatches() {
        Fuzz.forAll(5000, fuzz -> new String[] {glob(fuzz), candidate(fuzz)}, pair -> {
            String glob = pair[0];
            String path = pair[1];
            PathGlob compiled;
            try {
                compiled = PathGlob.compile(glob);
            } catch (IllegalArgumentException refused) {
                return;
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(referenceRegex(glob));
            java.util.regex.Pattern ignoringCase = java.util.regex.Pattern.compile(
                    regex.pattern(), java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE);
            assertThat(compiled.matches(path))
                    .as(glob + " ~ " + path)
                    .isEqualTo(regex.matcher(path).matches());
            assertThat(compiled.matchesIgnoringCase(path))
                    .as(glob + " ~i " + path)
                    .isEqualTo(ignoringCase.matcher(path).matches());
        });
    }

    /** How PathGlob matched before the automaton: a regular expression per pattern. */
    private static String referenceRegex(String glob) {
        String[] segments = glob.split("/", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("**")) {
                regex.append(i == segments.length - 1 ? ".+" : "(?:[^/]+/)*");
                continue;
            }
            StringBuilder literal = new StringBuilder();
            for (char c : segment.toCharArray()) {
                if (c == '*' || c == '?') {
                    if (!literal.isEmpty()) {
                        regex.append(java.util.regex.Pattern.quote(literal.toString()));
                        literal.setLength(0);
                    }
                    regex.append(c == '*' ? "[^/]*" : "[^/]");
                } else {
                    literal.append(c);
                }
            }
            if (!literal.isEmpty()) {
                regex.append(java.util.regex.Pattern.quote(literal.toString()));
            }
            if (i < segments.length - 1) {
                regex.append('/');
            }
        }
        return regex.toString();
    }

    private static void within(Runnable check) {
        assertThatCode(() -> CompletableFuture.runAsync(check).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("answers within " + LIMIT)
                .doesNotThrowAnyException();
    }

    private static String candidate(Fuzz fuzz) {
        return fuzz.join(
                "/",
                0,
                6,
                () -> fuzz.either(
                        () -> fuzz.oneOf(
                                "", "src", "SRC", "a", "ab", "aB", "b", "x.c", "X.C", "ß", "SS", "ſ", "K", "K", "🙂"),
                        () -> fuzz.chars("abAB.c*?", 0, 6)));
    }

    private static String path(Fuzz fuzz) {
        String path = fuzz.join(
                "/",
                0,
                12,
                () -> fuzz.either(
                        () -> fuzz.oneOf(
                                "..", ".", "", "src", "a", "%2e%2e", "%2F", "%00", "%", "..%2F", "\\", "..\\", "~"),
                        () -> fuzz.chars("ab./\\%0:*?\u0000\u001f\u202e é", 0, 12)));
        return fuzz.oneOf(path, "/" + path, path + "/", "//" + path);
    }

    private static String ref(Fuzz fuzz) {
        return fuzz.join(
                "/",
                0,
                6,
                () -> fuzz.either(
                        () -> fuzz.oneOf(
                                "refs", "heads", "tags", "main", "release", "1.0", "..", "@{", "HEAD", ".lock", ""),
                        () -> fuzz.chars("ab.-_/~^:?*[\\ @{}\u0000", 0, 10)));
    }

    private static String glob(Fuzz fuzz) {
        return fuzz.join(
                "/",
                1,
                8,
                () -> fuzz.either(
                        () -> fuzz.oneOf("**", "*", "?", "*.c", "src", "..", "", "a*b?c", "[ab]", "{a,b}", "\\"),
                        () -> fuzz.chars("ab*?.[]{}()^$+|\\", 0, 8)));
    }

    private static String wildcardHeavy(Fuzz fuzz) {
        return fuzz.join("/", 1, 12, () -> fuzz.either(() -> "**", () -> fuzz.chars("*a?", 1, 20))) + "/b";
    }

    private static String longPath(Fuzz fuzz) {
        int depth = fuzz.between(1, 400);
        int width = fuzz.between(1, 300);
        return ("a".repeat(width) + "/").repeat(depth) + "a".repeat(width);
    }
}
