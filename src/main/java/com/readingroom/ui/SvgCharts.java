package com.readingroom.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * Small charts drawn on the server as SVG: no charting library needs a frontend build this way, and what is drawn is
 * plain text a test can read. Labels are XML-escaped.
 */
final class SvgCharts {

    private static final String[] COLOURS = {"#1676f3", "#e8912d", "#2bab6d", "#c44ad4", "#d64545", "#6b7a8f"};
    private static final int WIDTH = 460;
    private static final int HEIGHT = 170;
    private static final int PLOT = 260;

    private SvgCharts() {}

    /** Stacked bars, one per day, one colour per series; the legend names the series. */
    static String stackedBars(String title, SortedMap<String, Map<String, Long>> perDay) {
        List<String> series = perDay.values().stream()
                .flatMap(counts -> counts.keySet().stream())
                .distinct()
                .sorted()
                .toList();
        long max = Math.max(
                1,
                perDay.values().stream()
                        .mapToLong(counts -> counts.values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .max()
                        .orElse(1));
        StringBuilder svg = open(title);
        if (perDay.isEmpty()) {
            return svg.append("<text x='0' y='44' font-size='12' fill='#666'>Nothing yet.</text></svg>")
                    .toString();
        }
        int days = perDay.size();
        double slot = (PLOT - 30) / (double) days;
        int index = 0;
        for (Map.Entry<String, Map<String, Long>> day : perDay.entrySet()) {
            double x = 30 + index * slot;
            double y = HEIGHT - 30;
            for (int s = 0; s < series.size(); s++) {
                long count = day.getValue().getOrDefault(series.get(s), 0L);
                double height = (HEIGHT - 60) * count / (double) max;
                y -= height;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>%s %s: %d</title></rect>",
                        x,
                        y,
                        Math.max(1, slot - 4),
                        height,
                        COLOURS[s % COLOURS.length],
                        escape(day.getKey()),
                        escape(series.get(s)),
                        count));
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='9' fill='#666'>%s</text>",
                    x,
                    HEIGHT - 16,
                    escape(day.getKey().substring(5))));
            index++;
        }
        for (int s = 0; s < series.size(); s++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='%d' y='%d' width='10' height='10' fill='%s'/><text x='%d' y='%d' font-size='11'>%s</text>",
                    PLOT + 10,
                    30 + s * 16,
                    COLOURS[s % COLOURS.length],
                    PLOT + 24,
                    39 + s * 16,
                    escape(series.get(s))));
        }
        svg.append(String.format(Locale.ROOT, "<text x='0' y='40' font-size='10' fill='#666'>%d</text>", max));
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per entry, longest first. */
    static String horizontalBars(String title, List<Map.Entry<String, Long>> entries) {
        long max = Math.max(
                1, entries.stream().mapToLong(Map.Entry::getValue).max().orElse(1));
        StringBuilder svg = open(title);
        List<Map.Entry<String, Long>> shown = new ArrayList<>(entries.subList(0, Math.min(entries.size(), 8)));
        for (int i = 0; i < shown.size(); i++) {
            double width = 200.0 * shown.get(i).getValue() / max;
            int y = 34 + i * 17;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x='0' y='%d' width='%.1f' height='12' fill='%s'/><text x='%.1f' y='%d' font-size='11'>%d  %s</text>",
                    y,
                    width,
                    COLOURS[0],
                    width + 6,
                    y + 10,
                    shown.get(i).getValue(),
                    escape(shown.get(i).getKey())));
        }
        if (shown.isEmpty()) {
            svg.append("<text x='0' y='44' font-size='12' fill='#666'>Nothing yet.</text>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='%s'>"
                        + "<text x='0' y='14' font-size='13' font-weight='600'>%s</text>",
                WIDTH,
                HEIGHT,
                escape(title),
                escape(title)));
    }

    static String escape(String text) {
        return text == null
                ? ""
                : text.replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("'", "&apos;")
                        .replace("\"", "&quot;");
    }
}
