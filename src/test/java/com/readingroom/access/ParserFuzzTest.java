package com.readingroom.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property-based fuzzing of what turns untrusted text into access decisions: the path normaliser, the ref check and
 * the glob matcher. Inputs are built from the characters attackers use (separators, dots, percent signs, backslashes,
 * control characters, wildcards, long runs); whatever the input, the only failure is the documented refusal, and no
 * answer takes long.
 */
class ParserFuzzTest {

    private static final Duration LIMIT = Duration.ofMillis(500);

    @Property(tries = 3000)
    void theNormaliserRefusesOrReturnsACleanPathThatItKeeps(@ForAll("paths") String raw) {
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
    }

    @Property(tries = 3000)
    void theRefCheckRefusesOrAcceptsAFullRefName(@ForAll("refs") String ref) {
        try {
            String checked = RefName.check(ref);
            assertThat(checked).startsWith("refs/").doesNotContain("..", "//", "\\", "@{");
        } catch (RefName.InvalidRefException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 2000)
    void globsCompileOrAreRefusedAndMatchAnyPathQuickly(@ForAll("globs") String glob, @ForAll("paths") String path) {
        PathGlob compiled;
        try {
            compiled = PathGlob.compile(glob);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        within(() -> {
            compiled.matches(path);
            compiled.matchesIgnoringCase(path);
            compiled.mayMatchUnder(path);
            compiled.coversEverythingUnder(path);
        });
    }

    @Property(tries = 200)
    void adversarialGlobsAgainstLongPathsAnswerQuickly(
            @ForAll("wildcardHeavy") String glob, @ForAll("longPaths") String path) {
        PathGlob compiled;
        try {
            compiled = PathGlob.compile(glob);
        } catch (IllegalArgumentException refused) {
            return;
        }
        within(() -> {
            compiled.matches(path);
            compiled.matchesIgnoringCase(path);
            compiled.mayMatchUnder(path);
        });
    }

    /** The automaton answers exactly as the pattern's regular expression did (the reference, below). */
    @Property(tries = 5000)
    void theAutomatonMatchesWhatTheRegularExpressionMatches(
            @ForAll("globs") String glob, @ForAll("candidates") String path) {
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

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("", "src", "SRC", "a", "ab", "aB", "b", "x.c", "X.C", "ß", "SS", "ſ", "K", "K", "🙂"),
                Arbitraries.strings().withChars("abAB.c*?").ofMaxLength(6));
        return segment.list().ofMaxSize(6).map(segments -> String.join("/", segments));
    }

    private static void within(Runnable check) {
        assertThatCode(() -> CompletableFuture.runAsync(check).get(LIMIT.toMillis(), TimeUnit.MILLISECONDS))
                .as("answers within " + LIMIT)
                .doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("..", ".", "", "src", "a", "%2e%2e", "%2F", "%00", "%", "..%2F", "\\", "..\\", "~"),
                Arbitraries.strings()
                        .withChars("ab./\\%0:*?\u0000\u001f\u202e é")
                        .ofMaxLength(12));
        return segment.list()
                .ofMaxSize(12)
                .map(segments -> String.join("/", segments))
                .flatMap(path -> Arbitraries.of(path, "/" + path, path + "/", "//" + path));
    }

    @Provide
    Arbitrary<String> refs() {
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("refs", "heads", "tags", "main", "release", "1.0", "..", "@{", "HEAD", ".lock", ""),
                Arbitraries.strings().withChars("ab.-_/~^:?*[\\ @{}\u0000").ofMaxLength(10));
        return part.list().ofMaxSize(6).map(parts -> String.join("/", parts));
    }

    @Provide
    Arbitrary<String> globs() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("**", "*", "?", "*.c", "src", "..", "", "a*b?c", "[ab]", "{a,b}", "\\"),
                Arbitraries.strings().withChars("ab*?.[]{}()^$+|\\").ofMaxLength(8));
        return segment.list().ofMinSize(1).ofMaxSize(8).map(segments -> String.join("/", segments));
    }

    @Provide
    Arbitrary<String> wildcardHeavy() {
        Arbitrary<String> segment = Arbitraries.oneOf(
                Arbitraries.of("**"),
                Arbitraries.strings().withChars("*a?").ofMinLength(1).ofMaxLength(20));
        return segment.list().ofMinSize(1).ofMaxSize(12).map(segments -> String.join("/", segments) + "/b");
    }

    @Provide
    Arbitrary<String> longPaths() {
        Arbitrary<Integer> depth = Arbitraries.integers().between(1, 400);
        Arbitrary<Integer> width = Arbitraries.integers().between(1, 300);
        return Combinators.combine(depth, width).as((d, w) -> ("a".repeat(w) + "/").repeat(d) + "a".repeat(w));
    }
}
