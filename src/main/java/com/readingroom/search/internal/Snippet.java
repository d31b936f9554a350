package com.readingroom.search.internal;

import com.readingroom.search.SearchResults.HitLine;
import com.readingroom.search.SearchResults.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The lines of one file shown for a hit: the first few matching lines, each with a little context, and how many
 * lines matched in all.
 */
record Snippet(List<HitLine> lines, int matching) {

    private static final int CONTEXT = 2;
    private static final int SHOWN = 3;
    private static final int MAX_LINE = 400;

    static Snippet of(
            String text, Highlights highlights, Map<Integer, String> definitionLines, RegexDeadline deadline) {
        List<int[]> bounds = lineBounds(text);
        List<Integer> shownMatches = new ArrayList<>();
        List<List<Range>> shownRanges = new ArrayList<>();
        int matching = 0;
        for (int i = 0; i < bounds.size(); i++) {
            CharSequence line = text.subSequence(bounds.get(i)[0], bounds.get(i)[1]);
            List<Range> ranges = highlights.ranges(line, deadline);
            String definition = definitionLines.get(i + 1);
            if (definition != null) {
                int at = line.toString().indexOf(definition);
                if (at >= 0) {
                    ranges = new ArrayList<>(ranges);
                    ranges.add(new Range(at, at + definition.length()));
                    ranges.sort((a, b) -> Integer.compare(a.start(), b.start()));
                }
            }
            if (!ranges.isEmpty() || definition != null) {
                matching++;
                if (shownMatches.size() < SHOWN) {
                    shownMatches.add(i);
                    shownRanges.add(ranges);
                }
            }
        }
        TreeSet<Integer> shown = new TreeSet<>();
        for (int match : shownMatches) {
            for (int i = Math.max(0, match - CONTEXT); i <= Math.min(bounds.size() - 1, match + CONTEXT); i++) {
                shown.add(i);
            }
        }
        List<HitLine> lines = new ArrayList<>();
        for (int i : shown) {
            String line = text.substring(bounds.get(i)[0], bounds.get(i)[1]);
            int index = shownMatches.indexOf(i);
            List<Range> ranges = index < 0 ? List.of() : clip(shownRanges.get(index));
            lines.add(new HitLine(
                    i + 1, line.length() > MAX_LINE ? line.substring(0, MAX_LINE) : line, index >= 0, ranges));
        }
        return new Snippet(lines, matching);
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
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                bounds.add(new int[] {start, end});
                start = i + 1;
            }
        }
        if (start < length) {
            bounds.add(new int[] {start, length});
        }
        return bounds;
    }
}
