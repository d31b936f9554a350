package com.readingroom.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

/** Identifiers are split the way programmers read them, and the index and the query agree on it. */
class CodeScannerTest {

    /** The words the scanner finds, with "+" marking a part of the identifier before it. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        CodeScanner scanner = new CodeScanner();
        char[] chars = text.toCharArray();
        scanner.reset(chars, chars.length);
        while (scanner.next()) {
            tokens.add((scanner.isPart() ? "+" : "") + scanner.lowercase());
        }
        return tokens;
    }

    /** What the content field holds: whole words, one position each. */
    private static List<String> contentTokens(String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (CodeAnalyzer analyzer = new CodeAnalyzer();
                TokenStream stream = analyzer.tokenStream(IndexSchema.CONTENT, new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                assertThat(increment.getPositionIncrement()).isEqualTo(1);
                tokens.add(term.toString());
            }
            stream.end();
        }
        return tokens;
    }

    @Test
    void theContentHoldsWholeWordsAndThePartsGoOncePerDocumentToTheirOwnField() throws IOException {
        assertThat(contentTokens("spin_lock_irqsave(&lock, flags); SpinLock"))
                .containsExactly("spin_lock_irqsave", "lock", "flags", "spinlock");
        DocumentTerms terms = new DocumentTerms();
        terms.collect("spin_lock_irqsave(&lock, flags); SpinLock spin_unlock");
        assertThat(drain(terms.parts())).containsExactly("spin", "lock", "irqsave", "unlock");
    }

    @Test
    void snakeCaseIsOneIdentifierWithItsParts() throws IOException {
        assertThat(tokens("spin_lock_irqsave(&lock, flags);"))
                .containsExactly("spin_lock_irqsave", "+spin", "+lock", "+irqsave", "lock", "flags");
    }

    @Test
    void camelCaseAndRunsOfCapitalsAreSplit() throws IOException {
        assertThat(tokens("KeAcquireSpinLock"))
                .containsExactly("keacquirespinlock", "+ke", "+acquire", "+spin", "+lock");
        assertThat(tokens("HTTPServer")).containsExactly("httpserver", "+http", "+server");
        assertThat(tokens("SpinLock")).containsExactly("spinlock", "+spin", "+lock");
    }

    @Test
    void lettersAndDigitsAreSplitButNumbersStayWhole() throws IOException {
        assertThat(tokens("ext4_fill_super")).containsExactly("ext4_fill_super", "+ext", "+4", "+fill", "+super");
        assertThat(tokens("x86 0x1F 100ms")).containsExactly("x86", "+x", "+86", "0x1f", "100ms");
    }

    @Test
    void leadingAndTrailingUnderscoresBelongToTheIdentifierButAreNoPart() throws IOException {
        assertThat(tokens("__init _x")).containsExactly("__init", "_x");
        assertThat(tokens("__do_fork")).containsExactly("__do_fork", "+do", "+fork");
    }

    @Test
    void punctuationSeparatesAndIsNotAToken() throws IOException {
        assertThat(tokens("return -EINVAL;")).containsExactly("return", "einval");
        assertThat(tokens("a->b.c::d")).containsExactly("a", "b", "c", "d");
    }

    @Test
    void lettersOfOtherScriptsAreWordCharacters() throws IOException {
        assertThat(tokens("größe_prüfen")).containsExactly("größe_prüfen", "+größe", "+prüfen");
    }

    @Test
    void overlongRunsAreDataAndSkipped() throws IOException {
        assertThat(tokens("a".repeat(CodeScanner.MAX_TOKEN + 1) + " ok")).containsExactly("ok");
    }

    @Test
    void theQueryFindsWholeWordsAsTheIndexHoldsThem() {
        assertThat(LuceneQueries.words("spin_lock_irqsave")).containsExactly("spin_lock_irqsave");
        assertThat(LuceneQueries.words("SpinLock")).containsExactly("spinlock");
        assertThat(LuceneQueries.words("return -EINVAL")).containsExactly("return", "einval");
    }

    @Test
    void symbolsAreExactAndOncePerDocumentAndTrigramsAreFolded() throws IOException {
        DocumentTerms terms = new DocumentTerms();
        terms.collect("KeBugCheck(x); KeBugCheck(y); kebugcheck 42");
        assertThat(drain(terms.symbols())).containsExactly("KeBugCheck", "x", "y", "kebugcheck");
        terms.collect("AbC");
        assertThat(drain(terms.trigrams())).containsExactly("abc");
        terms.collect("aé");
        assertThat(drain(terms.trigrams())).isEmpty();
        terms.collect("aéb a-b");
        assertThat(drain(terms.trigrams()))
                .as("trigrams with other characters are not indexed")
                .isEmpty();
        terms.collect("A_b1");
        assertThat(drain(terms.trigrams())).containsExactly("a_b", "_b1");
    }

    @Test
    void aDocumentsTrigramsAreThoseOfEveryCharacterOfItsText() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "spin_lock_irqsave(&lock, flags); 0x1F2e",
                "___ __x__ a$bcd $$$ é_éab HTTPServer2Go",
                "x".repeat(CodeScanner.MAX_TOKEN + 5) + " tail_word " + "_".repeat(7),
                "a\nb\tc",
                ""));
        try (java.util.stream.Stream<java.nio.file.Path> files =
                java.nio.file.Files.walk(java.nio.file.Path.of("repos-sample"))) {
            files.filter(java.nio.file.Files::isRegularFile).limit(200).forEach(file -> {
                try {
                    texts.add(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        DocumentTerms terms = new DocumentTerms();
        for (String text : texts) {
            Trigrams everyCharacter = new Trigrams();
            everyCharacter.add(text.toCharArray(), 0, text.length());
            java.util.Set<String> expected = new java.util.HashSet<>();
            for (int i = 0; i < everyCharacter.count(); i++) {
                expected.add(Trigrams.term(everyCharacter.key(i)));
            }
            terms.collect(text);
            assertThat(drain(terms.trigrams())).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<String> drain(TokenStream stream) throws IOException {
        List<String> out = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            out.add(term.toString());
        }
        return out;
    }
}
