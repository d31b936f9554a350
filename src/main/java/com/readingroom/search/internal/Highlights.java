package com.readingroom.search.internal;

import com.readingroom.search.SearchResults.Range;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** The ranges of the line the query asks for; empty when the line does not match. */
    List<Range> ranges(CharSequence line, RegexDeadline deadline) {
        List<Range> ranges = new ArrayList<>();
        if (regex != null) {
            Matcher matcher = regex.matcher(deadline == null ? line : deadline.guard(line));
            while (matcher.find()) {
                ranges.add(new Range(matcher.start(), Math.max(matcher.end(), matcher.start())));
                if (matcher.end() == matcher.start() && matcher.end() >= line.length()) {
                    break;
                }
            }
            return ranges;
        }
        if (content.terms().isEmpty()
                && content.phrases().isEmpty()
                && content.wildcards().isEmpty()
                && symbols.isEmpty()) {
            return ranges;
        }
        char[] chars = line.toString().toCharArray();
        CodeScanner scanner = new CodeScanner();
        scanner.reset(chars, chars.length);
        List<int[]> wholes = new ArrayList<>();
        List<String> wholeWords = new ArrayList<>();
        while (scanner.next()) {
            String lower = scanner.lowercase();
            if (!scanner.isPart()) {
                wholes.add(new int[] {scanner.start(), scanner.end()});
                wholeWords.add(lower);
                for (Pattern symbol : symbols) {
                    if (symbol.matcher(scanner.exact()).matches()) {
                        ranges.add(new Range(scanner.start(), scanner.end()));
                    }
                }
            }
            if (content.terms().contains(lower) || matchesAny(content.wildcards(), lower)) {
                ranges.add(new Range(scanner.start(), scanner.end()));
            }
        }
        for (List<String> phrase : content.phrases()) {
            for (int i = 0; i + phrase.size() <= wholeWords.size(); i++) {
                if (wholeWords.subList(i, i + phrase.size()).equals(phrase)) {
                    ranges.add(new Range(wholes.get(i)[0], wholes.get(i + phrase.size() - 1)[1]));
                }
            }
        }
        ranges.sort((a, b) ->
                a.start() != b.start() ? Integer.compare(a.start(), b.start()) : Integer.compare(b.end(), a.end()));
        return merge(ranges);
    }

    private static boolean matchesAny(List<Pattern> patterns, String word) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(word).matches()) {
                return true;
            }
        }
        return false;
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
