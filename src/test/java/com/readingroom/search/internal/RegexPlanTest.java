package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trigram candidates of a regular expression never miss a file the expression matches: checked against a
 * brute-force scan of every line of the sample products' sources, for expressions of every construct the plan reads.
 */
class RegexPlanTest {

    private static final List<String> TEXTS = new ArrayList<>();
    private static IndexSearcher searcher;

    @BeforeAll
    static void indexTheSamples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("repos-sample"))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                TEXTS.add(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new CodeAnalyzer()))) {
            DocumentTerms terms = new DocumentTerms();
            for (int i = 0; i < TEXTS.size(); i++) {
                Document doc = new Document();
                terms.collect(TEXTS.get(i));
                doc.add(new Field(IndexSchema.TRIGRAM, terms.trigrams(), IndexSchema.TERMS_ONLY));
                doc.add(new StoredField("n", i));
                writer.addDocument(doc);
            }
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    private static Set<Integer> candidates(String regex) throws IOException {
        Query query = RegexPlan.candidates(regex);
        Set<Integer> found = new HashSet<>();
        for (ScoreDoc doc : searcher.search(query == null ? MatchAllDocsQuery.INSTANCE : query, 100_000).scoreDocs) {
            found.add(searcher.storedFields()
                    .document(doc.doc)
                    .getField("n")
                    .numericValue()
                    .intValue());
        }
        return found;
    }

    private static Set<Integer> bruteForce(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Set<Integer> matching = new HashSet<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            for (String line : TEXTS.get(i).split("\n", -1)) {
                if (pattern.matcher(line).find()) {
                    matching.add(i);
                    break;
                }
            }
        }
        return matching;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "KeAcquireSpinLock",
                "spin_?lock",
                "Ke(Acquire|Release)SpinLock\\(",
                "(?i)keacquirespinlock",
                "STATUS_[A-Z_]+",
                "Io\\w+Request",
                "\\bNULL\\b",
                "for \\(.*; .*\\)",
                "#define\\s+\\w+",
                "(Pool|Hive)Tag",
                "a{2,}",
                "ab+c",
                "\\Qa.b\\E",
                "(?:return|goto) [a-z]+",
                "(?<=Ke)Bug",
                "Ex[^a]+Pool",
                "x|y|zebra",
                "^\\s*}$",
                "Lock(ed)?$",
                "[Kk]e[A-Z]\\w*Event"
            })
    void candidatesHoldEveryFileTheExpressionMatches(String regex) throws IOException {
        Set<Integer> expected = bruteForce(regex);
        Set<Integer> candidates = candidates(regex);
        assertThat(candidates).containsAll(expected);
    }

    @Test
    void aLiteralNarrowsTheCandidates() throws IOException {
        String regex = "KeAcquireSpinLock\\(";
        assertThat(candidates(regex).size()).isLessThan(TEXTS.size() / 2);
        assertThat(RegexPlan.candidates(".*")).isNull();
        assertThat(RegexPlan.candidates("a|.*")).isNull();
    }
}
