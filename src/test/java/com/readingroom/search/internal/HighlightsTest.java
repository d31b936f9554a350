package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.readingroom.search.SearchResults.Range;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snippets find their lines from where the query's literals occur; that must be exactly what scanning every word of
 * the file finds, and the lines found on demand exactly the lines of the file.
 */
class HighlightsTest {

    private static final List<String> QUERIES = List.of(
            "return",
            "status",
            "Status",
            "lock",
            "KeBugCheck",
            "\"return status\"",
            "\"static int\"",
            "\"if x\"",
            "get*",
            "ke*",
            "str*ng",
            "sym:NULL",
            "sym:return",
            "return OR static OR x",
            "0",
            "a_");

    private static final List<String> texts = new ArrayList<>();

    @BeforeAll
    static void readSampleSources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("repos-sample"))) {
            files.filter(Files::isRegularFile).forEach(file -> {
                try {
                    texts.add(Files.readString(file, StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        texts.addAll(List.of(
                "",
                "\n",
                "return\r\nreturn  status\r\n",
                "RETURN Status; return_status ReturnStatus\nreturn\tstatus\nreturn\n status",
                "x".repeat(300) + " return " + "return".repeat(30) + " get_" + "a".repeat(200),
                "aaa aa a _ __ ___ 0 00 0x0"));
        assertThat(texts).hasSizeGreaterThan(50);
    }

    @Test
    void literalsFoundWhereTheyOccurAreExactlyTheWordsAScanFinds() {
        for (String query : QUERIES) {
            Highlights highlights = LuceneQueries.compile(QueryParser.parse(query), IndexState.empty())
                    .highlights();
            for (String text : texts) {
                for (int maxLines : new int[] {1, 4, Integer.MAX_VALUE}) {
                    List<Range> scanned = highlights.scannedRanges(text.toCharArray(), text.length(), maxLines);
                    assertThat(highlights.textRanges(text, maxLines))
                            .as("%s on %d lines of %.60s", query, maxLines, text)
                            .isEqualTo(scanned);
                }
            }
        }
    }

    @Test
    void linesAreFoundOnDemandExactlyAsTheFileSplitsThem() {
        for (String text : texts) {
            List<String> expected = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            if (!expected.isEmpty() && expected.getLast().isEmpty()) {
                expected.removeLast();
            }
            Lines lines = new Lines(text);
            List<String> found = new ArrayList<>();
            for (int i = 0; lines.exists(i); i++) {
                found.add(lines.line(i));
                assertThat(lines.lineOf(lines.start(i))).isEqualTo(i);
            }
            assertThat(found).as("%.60s", text).isEqualTo(expected);
        }
    }
}
