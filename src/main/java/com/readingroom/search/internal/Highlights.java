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
     * The ranges of the text the query asks for, as {@link #scannedRanges}, found from where each
     * word, symbol, phrase or wildcard prefix occurs ({@link String#indexOf}, vectorised) and checked there, so that
     * the work is that of the first matching lines, not of the whole file. A query with a wildcard that starts with
     * a wildcard, or a symbol pattern, scans every word instead.
     */
    List<Range> textRanges(String text, int maxLines) {
        if (!anchored()) {
            return scannedRanges(text.toCharArray(), text.length(), maxLines);
        }
        Anchors anchors = new Anchors(text);
        List<Range> ranges = new ArrayList<>();
        for (String term : content.terms()) {
            anchors.collect(term, false, maxLines, ranges, (at, end) -> anchors.isToken(at, end, false) ? end : -1);
        }
        for (Pattern symbol : symbols) {
            String literal = literal(symbol);
            anchors.collect(literal, true, maxLines, ranges, (at, end) -> anchors.isToken(at, end, true) ? end : -1);
        }
        for (List<String> phrase : content.phrases()) {
            anchors.collect(phrase.getFirst(), false, maxLines, ranges, (at, end) -> anchors.phraseEnd(at, phrase));
        }
        for (Pattern wildcard : content.wildcards()) {
            anchors.collect(
                    literalPrefix(wildcard), false, maxLines, ranges, (at, end) -> anchors.wildcardEnd(at, wildcard));
        }
        ranges.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        List<Range> kept = new ArrayList<>();
        int lines = 0;
        int lineEnd = -1;
        for (Range range : merge(ranges)) {
            if (range.start() > lineEnd) {
                if (++lines > maxLines) {
                    break;
                }
                lineEnd = lineEnd(text, range.start());
            }
            kept.add(range);
        }
        return kept;
    }

    /** Whether every part of the query has a literal to look for. */
    private boolean anchored() {
        return symbols.stream().allMatch(p -> literal(p) != null && !literal(p).isEmpty())
                && content.wildcards().stream().allMatch(p -> ascii(literalPrefix(p)))
                && content.phrases().stream().allMatch(phrase -> !phrase.isEmpty() && ascii(phrase.getFirst()))
                && content.terms().stream().allMatch(Highlights::ascii);
    }

    /** A literal found ignoring case from its first character, which must then have its two cases in ASCII. */
    private static boolean ascii(String literal) {
        return !literal.isEmpty() && literal.charAt(0) < 128;
    }

    private static int lineEnd(String text, int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline;
    }

    /** Where a match found at an anchor ends, or -1 when the anchor is no match. */
    private interface Check {
        int end(int at, int anchorEnd);
    }

    /** The occurrences of literals in one text, each checked against the scanner's words around it. */
    private static final class Anchors {

        private final String text;
        private final CodeScanner scanner = new CodeScanner();
        private final CodeScanner words = new CodeScanner().wholeWordsOnly();
        private char[] window = new char[256];
        private int windowStart;

        Anchors(String text) {
            this.text = text;
        }

        /** Adds the matches of one literal, on at most {@code maxLines} lines (plus none beyond). */
        void collect(String literal, boolean exact, int maxLines, List<Range> ranges, Check check) {
            int lines = 0;
            int lineEnd = -1;
            int from = 0;
            int at;
            while ((at = exact ? text.indexOf(literal, from) : indexOfIgnoringCase(literal, from)) >= 0) {
                int end = check.end(at, at + literal.length());
                if (end < 0) {
                    from = at + 1;
                    continue;
                }
                if (at > lineEnd) {
                    if (++lines > maxLines) {
                        return;
                    }
                    lineEnd = lineEnd(text, at);
                }
                ranges.add(new Range(at, end));
                from = Math.max(at + 1, end);
            }
        }

        /**
         * The next place the lowercased literal occurs, ignoring case as {@link CodeScanner#lower} does: candidates
         * are where its first character occurs in either case.
         */
        private int indexOfIgnoringCase(String lower, int from) {
            char first = lower.charAt(0);
            char upper = first >= 'a' && first <= 'z' ? (char) (first - 32) : first;
            int length = lower.length();
            int limit = text.length() - length;
            int nextLower = text.indexOf(first, from);
            int nextUpper = upper == first ? -1 : text.indexOf(upper, from);
            while (nextLower >= 0 || nextUpper >= 0) {
                int at;
                if (nextUpper < 0 || (nextLower >= 0 && nextLower < nextUpper)) {
                    at = nextLower;
                    nextLower = text.indexOf(first, at + 1);
                } else {
                    at = nextUpper;
                    nextUpper = text.indexOf(upper, at + 1);
                }
                if (at > limit) {
                    return -1;
                }
                if (equalsIgnoringCase(at, lower)) {
                    return at;
                }
            }
            return -1;
        }

        private boolean equalsIgnoringCase(int at, String lower) {
            for (int i = 1; i < lower.length(); i++) {
                if (CodeScanner.lower(text.charAt(at + i)) != lower.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Copies the run of word characters around [start, end) into the window; false when it is no word. */
        private boolean loadRun(int start, int end) {
            int runStart = start;
            while (runStart > 0 && CodeScanner.isWordChar(text.charAt(runStart - 1))) {
                runStart--;
            }
            int runEnd = end;
            while (runEnd < text.length() && CodeScanner.isWordChar(text.charAt(runEnd))) {
                runEnd++;
                if (runEnd - runStart > CodeScanner.MAX_TOKEN) {
                    return false;
                }
            }
            if (runEnd - runStart > CodeScanner.MAX_TOKEN) {
                return false;
            }
            text.getChars(runStart, runEnd, window, 0);
            windowStart = runStart;
            scanner.reset(window, runEnd - runStart);
            return true;
        }

        /** Whether text[start, end) is a word the scanner makes (a whole identifier, or a part unless whole only). */
        boolean isToken(int start, int end, boolean wholeOnly) {
            if (!loadRun(start, end)) {
                return false;
            }
            while (scanner.next()) {
                if (scanner.start() + windowStart == start
                        && scanner.end() + windowStart == end
                        && (!wholeOnly || !scanner.isPart())) {
                    return true;
                }
            }
            return false;
        }

        /** The end of the word or part starting at {@code at} that the wildcard matches, or -1. */
        int wildcardEnd(int at, Pattern wildcard) {
            if (!loadRun(at, at)) {
                return -1;
            }
            int found = -1;
            while (scanner.next()) {
                if (scanner.start() + windowStart == at
                        && wildcard.matcher(scanner.lowercase()).matches()) {
                    found = Math.max(found, scanner.end() + windowStart);
                }
            }
            return found;
        }

        /** The end of the phrase starting with the whole word at {@code at}, on the same line, or -1. */
        int phraseEnd(int at, List<String> phrase) {
            if (at > 0 && CodeScanner.isWordChar(text.charAt(at - 1))) {
                return -1;
            }
            int lineEnd = lineEnd(text, at);
            int length = Math.min(lineEnd - at, 4096);
            if (window.length < length) {
                window = new char[Math.max(length, window.length * 2)];
            }
            text.getChars(at, at + length, window, 0);
            words.reset(window, length);
            for (int i = 0; i < phrase.size(); i++) {
                if (!words.next()
                        || (i == 0 && words.start() != 0)
                        || !words.lowercase().equals(phrase.get(i))) {
                    return -1;
                }
            }
            // The last word must end where the scanner ends it, not inside a longer run cut off by the window.
            int end = at + words.end();
            return end < at + length || at + length == lineEnd ? end : -1;
        }
    }

    /**
     * The ranges of the text the query asks for, in text offsets, sorted and merged, on at most {@code maxLines}
     * lines (the scan stops at the first range of the line after those): one scan of the file, without a string per
     * word unless a wildcard or a phrase needs one. Not for regular expressions (they match line by line, see
     * {@link #ranges}).
     */
    List<Range> scannedRanges(char[] text, int length, int maxLines) {
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
