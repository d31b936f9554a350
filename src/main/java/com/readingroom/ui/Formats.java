package com.readingroom.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the UI writes dates: ISO dates in UTC, the zone agreements are written in. */
final class Formats {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {}

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
