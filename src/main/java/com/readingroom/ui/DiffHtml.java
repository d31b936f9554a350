package com.readingroom.ui;

import com.readingroom.source.FileDiff;
import com.readingroom.source.FileDiff.Line;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * A file's diff as an HTML table, unified or side by side. Built as one string (a diff may have thousands of lines,
 * too many for one component each); every piece of source text is HTML-escaped.
 */
final class DiffHtml {

    private DiffHtml() {}

    static String unified(FileDiff file) {
        StringBuilder html = new StringBuilder("<div class=\"rr-diff\"><table>");
        for (Line line : file.lines()) {
            String type = switch (line.type()) {
                case ADDED -> "rr-add";
                case DELETED -> "rr-del";
                case HUNK -> "rr-hunk";
                case CONTEXT -> "rr-ctx";
            };
            String sign = switch (line.type()) {
                case ADDED -> "+";
                case DELETED -> "-";
                default -> " ";
            };
            html.append("<tr class=\"").append(type).append("\">");
            if (line.type() == Line.Type.HUNK) {
                html.append("<td class=\"rr-num\"></td><td class=\"rr-num\"></td><td>")
                        .append(escape(line.text()))
                        .append("</td>");
            } else {
                html.append(number(line.oldNumber()))
                        .append(number(line.newNumber()))
                        .append("<td>")
                        .append(sign)
                        .append(escape(line.text()))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table></div>").toString();
    }

    /** Deleted and added runs are paired row by row; context lines appear on both sides. */
    static String sideBySide(FileDiff file) {
        StringBuilder html = new StringBuilder("<div class=\"rr-diff\"><table>");
        List<Line> deleted = new ArrayList<>();
        List<Line> added = new ArrayList<>();
        for (Line line : file.lines()) {
            switch (line.type()) {
                case DELETED -> deleted.add(line);
                case ADDED -> added.add(line);
                default -> {
                    flush(html, deleted, added);
                    if (line.type() == Line.Type.HUNK) {
                        html.append("<tr class=\"rr-hunk\"><td colspan=\"4\">")
                                .append(escape(line.text()))
                                .append("</td></tr>");
                    } else {
                        html.append("<tr>")
                                .append(number(line.oldNumber()))
                                .append("<td>")
                                .append(escape(line.text()))
                                .append("</td>")
                                .append(number(line.newNumber()))
                                .append("<td>")
                                .append(escape(line.text()))
                                .append("</td></tr>");
                    }
                }
            }
        }
        flush(html, deleted, added);
        return html.append("</table></div>").toString();
    }

    private static void flush(StringBuilder html, List<Line> deleted, List<Line> added) {
        int rows = Math.max(deleted.size(), added.size());
        for (int i = 0; i < rows; i++) {
            html.append("<tr>");
            if (i < deleted.size()) {
                html.append(number(deleted.get(i).oldNumber()))
                        .append("<td class=\"rr-del\">")
                        .append(escape(deleted.get(i).text()))
                        .append("</td>");
            } else {
                html.append("<td class=\"rr-num\"></td><td></td>");
            }
            if (i < added.size()) {
                html.append(number(added.get(i).newNumber()))
                        .append("<td class=\"rr-add\">")
                        .append(escape(added.get(i).text()))
                        .append("</td>");
            } else {
                html.append("<td class=\"rr-num\"></td><td></td>");
            }
            html.append("</tr>");
        }
        deleted.clear();
        added.clear();
    }

    private static String number(int number) {
        return "<td class=\"rr-num\">" + (number > 0 ? number : "") + "</td>";
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
