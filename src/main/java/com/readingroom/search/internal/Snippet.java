package com.readingroom.search.internal;

import com.readingroom.search.SearchResults.HitLine;
import com.readingroom.search.SearchResults.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lines of one file shown for a hit: the first few matching lines, each with a little context, and whether more
 * lines match (the file is read only as far as needed to tell).
 */
record Snippet(List<HitLine> lines, int matching, boolean more) {

    private static final int CONTEXT = 2;
    private static final int SHOWN = 3;
    private static final int MAX_LINE = 400;

    static Snippet of(
            String text, Highlights highlights, Map<Integer, String> definitionLines, RegexDeadline deadline) {
        List<int[]> bounds = lineBounds(text);
        // Matching lines in order, each with its ranges relative to the line.
        java.util.TreeMap<Integer, List<Range>> matches = new java.util.TreeMap<>();
        if (highlights.isRegex()) {
            for (int i = 0; i < bounds.size() && matches.size() <= SHOWN; i++) {
                List<Range> ranges = highlights.ranges(text.subSequence(bounds.get(i)[0], bounds.get(i)[1]), deadline);
                if (!ranges.isEmpty()) {
                    matches.put(i, ranges);
                }
            }
        } else {
            char[] chars = text.toCharArray();
            int line = 0;
            for (Range range : highlights.textRanges(chars, chars.length, SHOWN + 1)) {
                while (line + 1 < bounds.size() && bounds.get(line + 1)[0] <= range.start()) {
                    line++;
                }
                int lineStart = bounds.get(line)[0];
                matches.computeIfAbsent(line, l -> new ArrayList<>())
                        .add(new Range(
                                range.start() - lineStart, Math.min(range.end(), bounds.get(line)[1]) - lineStart));
            }
        }
        definitionLines.forEach((number, name) -> {
            int index = number - 1;
            if (index >= 0 && index < bounds.size()) {
                String line = text.substring(bounds.get(index)[0], bounds.get(index)[1]);
                int at = line.indexOf(name);
                List<Range> ranges = new ArrayList<>(matches.getOrDefault(index, List.of()));
                if (at >= 0) {
                    ranges.add(new Range(at, at + name.length()));
                    ranges.sort((a, b) -> Integer.compare(a.start(), b.start()));
                }
                matches.put(index, ranges);
            }
        });
        List<Integer> shownMatches = matches.keySet().stream().limit(SHOWN).toList();
        TreeSet<Integer> shown = new TreeSet<>();
        for (int match : shownMatches) {
            for (int i = Math.max(0, match - CONTEXT); i <= Math.min(bounds.size() - 1, match + CONTEXT); i++) {
                shown.add(i);
            }
        }
        List<HitLine> lines = new ArrayList<>();
        for (int i : shown) {
            String line = text.substring(bounds.get(i)[0], bounds.get(i)[1]);
            // A context line that matches too (the file was read up to one match past those shown) is marked.
            boolean match = matches.containsKey(i);
            List<Range> ranges = match ? clip(matches.get(i)) : List.of();
            lines.add(new HitLine(i + 1, line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line, match, ranges));
        }
        return new Snippet(lines, Math.min(matches.size(), SHOWN), matches.size() > SHOWN);
    }

    private static List<Range> clip(List<Range> ranges) {
        List<Range> clipped = new ArrayList<>();
        for (Range range : ranges) {
            if (range.start() < MAX_LINE) {
                clipped.add(new Range(range.start(), Math.min(range.end(), MAX_LINE)));
            }
        }
        return clipped;
    }

    /** Start and end (without the line break) of each line. */
    static List<int[]> lineBounds(String text) {
        List<int[]> bounds = new ArrayList<>();
        int start = 0;
        int length = text.length();
        int newline;
        while ((newline = text.indexOf('\n', start)) >= 0) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            bounds.add(new int[] {start, end});
            start = newline + 1;
        }
        if (start < length) {
            bounds.add(new int[] {start, length});
        }
        return bounds;
    }
}
