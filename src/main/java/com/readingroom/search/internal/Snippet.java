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
        Lines lines = new Lines(text);
        // Matching lines in order, each with its ranges relative to the line.
        java.util.TreeMap<Integer, List<Range>> matches = new java.util.TreeMap<>();
        if (highlights.isRegex()) {
            for (int i = 0; lines.exists(i) && matches.size() <= SHOWN; i++) {
                List<Range> ranges = highlights.ranges(text.subSequence(lines.start(i), lines.end(i)), deadline);
                if (!ranges.isEmpty()) {
                    matches.put(i, ranges);
                }
            }
        } else {
            for (Range range : highlights.textRanges(text, SHOWN + 1)) {
                int line = lines.lineOf(range.start());
                int lineStart = lines.start(line);
                matches.computeIfAbsent(line, l -> new ArrayList<>())
                        .add(new Range(range.start() - lineStart, Math.min(range.end(), lines.end(line)) - lineStart));
            }
        }
        definitionLines.forEach((number, name) -> {
            int index = number - 1;
            if (index >= 0 && lines.exists(index)) {
                String line = lines.line(index);
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
            for (int i = Math.max(0, match - CONTEXT); i <= match + CONTEXT && lines.exists(i); i++) {
                shown.add(i);
            }
        }
        List<HitLine> hitLines = new ArrayList<>();
        for (int i : shown) {
            String line = lines.line(i);
            // A context line that matches too (the file was read up to one match past those shown) is marked.
            boolean match = matches.containsKey(i);
            List<Range> ranges = match ? clip(matches.get(i)) : List.of();
            hitLines.add(
                    new HitLine(i + 1, line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line, match, ranges));
        }
        return new Snippet(hitLines, Math.min(matches.size(), SHOWN), matches.size() > SHOWN);
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
}
