package com.readingroom.search.internal;

import com.readingroom.search.SearchResults.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharArraySet;

/**
 * What a query asks for, line by line, to pick and highlight the lines shown as snippets: words (whole identifiers
 * or their parts), phrases, wildcards, exact symbols, definition names, or a regular expression. Only positive parts
 * of the query are here: a line is never shown for what the query excludes.
 */
final class Highlights {

    /** Words of the content: each matches a whole identifier or one of its parts, ignoring case. */
    record Content(Set<String> terms, List<List<String>> phrases, List<Pattern> wildcards) {}

    private final Content content = new Content(new HashSet<>(), new ArrayList<>(), new ArrayList<>());
    private final List<Pattern> symbols = new ArrayList<>();
    private final List<Pattern> definitions = new ArrayList<>();
    private Pattern regex;

    Content content() {
        return content;
    }

    List<Pattern> symbols() {
        return symbols;
    }

    List<Pattern> definitions() {
        return definitions;
    }

    Highlights regex(Pattern regex) {
        this.regex = regex;
        return this;
    }

    boolean matchesDefinition(String name) {
        return definitions.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    boolean hasDefinitions() {
        return !definitions.isEmpty();
    }

    boolean isRegex() {
        return regex != null;
    }

    /**
     * The ranges of the text the query asks for, in text offsets, sorted and merged, on at most {@code maxLines}
     * lines (the scan stops at the first range of the line after those): one scan of the file, without a string per
     * word unless a wildcard or a phrase needs one. Not for regular expressions (they match line by line, see
     * {@link #ranges}).
     */
    List<Range> textRanges(char[] text, int length, int maxLines) {
        if (content.phrases().isEmpty()
                && content.wildcards().isEmpty()
                && symbols.stream().allMatch(p -> literal(p) != null)) {
            return literalRanges(text, length, maxLines);
        }
        List<Range> ranges = new ArrayList<>();
        if (content.terms().isEmpty()
                && content.phrases().isEmpty()
                && content.wildcards().isEmpty()
                && symbols.isEmpty()) {
            return ranges;
        }
        CharArraySet terms = new CharArraySet(content.terms(), true);
        List<String> wildcardPrefixes =
                content.wildcards().stream().map(Highlights::literalPrefix).toList();
        CodeScanner scanner = new CodeScanner();
        scanner.reset(text, length);
        int longestPhrase =
                content.phrases().stream().mapToInt(List::size).max().orElse(0);
        java.util.ArrayDeque<int[]> recentWholes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<String> recentWords = new java.util.ArrayDeque<>();
        int lines = 0;
        int lineEnd = -1;
        while (scanner.next()) {
            int start = scanner.start();
            int end = scanner.end();
            int before = ranges.size();
            if (terms.contains(text, start, end - start)
                    || matchesWildcard(text, start, end, wildcardPrefixes, scanner)) {
                ranges.add(new Range(start, end));
            }
            if (!scanner.isPart()) {
                if (!symbols.isEmpty() && matchesSymbol(scanner)) {
                    ranges.add(new Range(start, end));
                }
                if (longestPhrase > 0) {
                    recentWholes.addLast(new int[] {start, end});
                    recentWords.addLast(scanner.lowercase());
                    if (recentWords.size() > longestPhrase) {
                        recentWholes.removeFirst();
                        recentWords.removeFirst();
                    }
                    phraseEndingHere(text, recentWholes, recentWords, ranges);
                }
            }
            if (ranges.size() > before) {
                int at = ranges.get(before).start();
                if (at > lineEnd) {
                    if (++lines > maxLines) {
                        ranges.subList(before, ranges.size()).clear();
                        break;
                    }
                    lineEnd = indexOf(text, length, '\n', at);
                }
            }
        }
        ranges.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return merge(ranges);
    }

    /**
     * The same ranges for words and exact symbols only, found with {@link String#indexOf} (vectorised) instead of
     * scanning every word: each occurrence is then checked to be a whole word or a part of one, as the scanner would
     * cut it around that place.
     */
    private List<Range> literalRanges(char[] text, int length, int maxLines) {
        List<Range> ranges = new ArrayList<>();
        char[] lowered = new char[length];
        for (int i = 0; i < length; i++) {
            lowered[i] = CodeScanner.lower(text[i]);
        }
        String lower = new String(lowered);
        String exact = symbols.isEmpty() ? null : new String(text, 0, length);
        CodeScanner scanner = new CodeScanner();
        for (String term : content.terms()) {
            collect(lower, term, text, length, maxLines, scanner, false, ranges);
        }
        for (Pattern symbol : symbols) {
            collect(exact, literal(symbol), text, length, maxLines, scanner, true, ranges);
        }
        ranges.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Range> merged = merge(ranges);
        // Keep the ranges of the first maxLines lines (plus one range beyond, to tell that more match).
        List<Range> kept = new ArrayList<>();
        int lines = 0;
        int lineEnd = -1;
        for (Range range : merged) {
            if (range.start() > lineEnd) {
                if (++lines > maxLines) {
                    break;
                }
                lineEnd = indexOf(text, length, '\n', range.start());
            }
            kept.add(range);
        }
        return kept;
    }

    private static void collect(
            String haystack,
            String needle,
            char[] text,
            int length,
            int maxLines,
            CodeScanner scanner,
            boolean wholeOnly,
            List<Range> ranges) {
        if (needle.isEmpty()) {
            return;
        }
        int lines = 0;
        int lineEnd = -1;
        int at = 0;
        while ((at = haystack.indexOf(needle, at)) >= 0) {
            int end = at + needle.length();
            if (isToken(text, length, at, end, scanner, wholeOnly)) {
                ranges.add(new Range(at, end));
                if (at > lineEnd) {
                    if (++lines > maxLines) {
                        return;
                    }
                    lineEnd = indexOf(text, length, '\n', at);
                }
            }
            at = end;
        }
    }

    /** Whether text[start, end) is a word the scanner makes (a whole identifier, or a part of one unless whole only). */
    private static boolean isToken(
            char[] text, int length, int start, int end, CodeScanner scanner, boolean wholeOnly) {
        int wordStart = start;
        while (wordStart > 0 && CodeScanner.isWordChar(text[wordStart - 1])) {
            wordStart--;
        }
        int wordEnd = end;
        while (wordEnd < length && CodeScanner.isWordChar(text[wordEnd])) {
            wordEnd++;
        }
        scanner.reset(text, wordStart, wordEnd);
        while (scanner.next()) {
            if (scanner.start() == start && scanner.end() == end && (!wholeOnly || !scanner.isPart())) {
                return true;
            }
        }
        return false;
    }

    /** The literal of a pattern made with {@link Pattern#quote}, or {@code null}. */
    private static String literal(Pattern pattern) {
        String regex = pattern.pattern();
        return regex.startsWith("\\Q") && regex.endsWith("\\E") && regex.indexOf("\\E") == regex.length() - 2
                ? regex.substring(2, regex.length() - 2)
                : null;
    }

    private void phraseEndingHere(
            char[] text, java.util.ArrayDeque<int[]> wholes, java.util.ArrayDeque<String> words, List<Range> ranges) {
        List<String> recent = new ArrayList<>(words);
        List<int[]> bounds = new ArrayList<>(wholes);
        for (List<String> phrase : content.phrases()) {
            int from = recent.size() - phrase.size();
            if (from >= 0 && recent.subList(from, recent.size()).equals(phrase)) {
                int start = bounds.get(from)[0];
                int end = bounds.getLast()[1];
                if (sameLine(text, start, end)) {
                    ranges.add(new Range(start, end));
                }
            }
        }
    }

    private boolean matchesWildcard(char[] text, int start, int end, List<String> prefixes, CodeScanner scanner) {
        for (int i = 0; i < prefixes.size(); i++) {
            if (startsWithIgnoringCase(text, start, end, prefixes.get(i))
                    && content.wildcards().get(i).matcher(scanner.lowercase()).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean matchesSymbol(CodeScanner scanner) {
        String exact = scanner.exact();
        for (Pattern symbol : symbols) {
            if (symbol.matcher(exact).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The characters of a wildcard pattern's regular expression before its first wildcard, lowercased. */
    private static String literalPrefix(Pattern wildcard) {
        String regex = wildcard.pattern();
        if (regex.startsWith("\\Q")) {
            int end = regex.indexOf("\\E");
            return end < 0 ? "" : regex.substring(2, end).toLowerCase(java.util.Locale.ROOT);
        }
        return "";
    }

    private static boolean startsWithIgnoringCase(char[] text, int start, int end, String prefix) {
        if (end - start < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (CodeScanner.lower(text[start + i]) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] text, int length, char c, int from) {
        for (int i = from; i < length; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return length;
    }

    private static boolean sameLine(char[] text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text[i] == '\n') {
                return false;
            }
        }
        return true;
    }

    /** The ranges of one line a regular expression matches; empty when it does not (or this is no regex). */
    List<Range> ranges(CharSequence line, RegexDeadline deadline) {
        List<Range> ranges = new ArrayList<>();
        if (regex == null) {
            return ranges;
        }
        Matcher matcher = regex.matcher(deadline == null ? line : deadline.guard(line));
        while (matcher.find()) {
            ranges.add(new Range(matcher.start(), matcher.end()));
        }
        return ranges;
    }

    private static List<Range> merge(List<Range> sorted) {
        List<Range> merged = new ArrayList<>();
        for (Range range : sorted) {
            if (!merged.isEmpty() && range.start() <= merged.getLast().end()) {
                Range last = merged.removeLast();
                merged.add(new Range(last.start(), Math.max(last.end(), range.end())));
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
