package com.readingroom.ui;

import com.readingroom.identity.Person;
import com.vaadin.flow.component.html.Div;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The watermark over every page that shows source: who reads, for which agency, and when, repeated across the whole
 * page at an angle, semi-transparent, so that a screenshot or photo of any part of it names its reader.
 */
final class Watermark {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Watermark() {}

    static Div of(Person person, String agency, Instant now) {
        String text = person.displayName() + " (" + person.username() + ") · " + agency + " · " + TIME.format(now);
        Div mark = new Div();
        mark.setId("watermark");
        mark.addClassName("rr-watermark");
        mark.getElement().setAttribute("aria-hidden", "true");
        mark.getElement().setAttribute("data-text", text);
        mark.getStyle().set("background-image", "url(\"data:image/svg+xml," + encode(svg(text)) + "\")");
        return mark;
    }

    private static String svg(String text) {
        return "<svg xmlns='http://www.w3.org/2000/svg' width='520' height='260'>"
                + "<text x='260' y='130' text-anchor='middle' transform='rotate(-24 260 130)' "
                + "font-family='sans-serif' font-size='15' fill='#102040'>" + escapeXml(text) + "</text></svg>";
    }

    private static String escapeXml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("'", "&apos;")
                .replace("\"", "&quot;");
    }

    /** Percent-encodes everything but letters and digits, so nothing in a name can end the CSS url(). */
    private static String encode(String svg) {
        return URLEncoder.encode(svg, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
