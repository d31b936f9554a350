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

    private static final int ANGLE = 18;

    private Watermark() {}

    /** The watermark for the person, naming their agency (or the vendor, for staff). */
    static Div of(Person person, com.readingroom.access.Agencies agencies, Instant now) {
        String agency = person.agencyId() == null
                ? "Vendor staff"
                : agencies.find(person.agencyId())
                        .map(com.readingroom.access.Agency::name)
                        .orElse("Unknown agency");
        return of(person, agency, now);
    }

    static Div of(Person person, String agency, Instant now) {
        String text = person.displayName() + " (" + person.username() + ") · " + agency + " · " + TIME.format(now);
        Div mark = new Div();
        mark.setId("watermark");
        mark.addClassName("rr-watermark");
        mark.getElement().setAttribute("aria-hidden", "true");
        mark.getElement().setAttribute("data-text", text);
        Tile tile = tile(text);
        String image = "url(\"data:image/svg+xml," + encode(tile.svg()) + "\")";
        // The same tile twice, the second shifted by half a tile: rows and columns interleave, so no part of the page
        // is far from a copy.
        mark.getStyle()
                .set("background-image", image + ", " + image)
                .set("background-position", "0 0, " + tile.width() / 2 + "px " + tile.height() / 2 + "px");
        return mark;
    }

    /** One tile, sized to the text so that the rotated line is never cut at the tile's edges. */
    private record Tile(String svg, int width, int height) {}

    private static Tile tile(String text) {
        int length = 40 + 8 * text.length();
        int width = (int) Math.ceil(length * Math.cos(Math.toRadians(ANGLE))) + 40;
        int height = (int) Math.ceil(length * Math.sin(Math.toRadians(ANGLE))) + 60;
        int x = width / 2;
        int y = height / 2;
        String svg = "<svg xmlns='http://www.w3.org/2000/svg' width='" + width + "' height='" + height + "'>"
                + "<text x='" + x + "' y='" + y + "' text-anchor='middle' transform='rotate(-" + ANGLE + " " + x + " "
                + y + ")' font-family='sans-serif' font-size='14' fill='#102040'>" + escapeXml(text) + "</text></svg>";
        return new Tile(svg, width, height);
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
