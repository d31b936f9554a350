package com.readingroom.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How the UI writes and reads dates and lists: ISO dates in UTC, the zone agreements are written in. */
final class Formats {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {}

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    /** A date picker that shows and reads ISO dates (2026-03-31), whatever the browser's locale. */
    static DatePicker datePicker(String label, LocalDate value) {
        DatePicker picker = new DatePicker(label, value);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat("yyyy-MM-dd");
        picker.setI18n(i18n);
        return picker;
    }

    /** The start of a calendar day in UTC. */
    static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static LocalDate day(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    /** One entry per non-blank line, trimmed. */
    static List<String> lines(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(line -> !line.isEmpty())
                        .toList();
    }

    /** A size for people: {@code 512 B}, {@code 12.4 KB}, {@code 3.1 MB}. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KB", size / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", size / (1024.0 * 1024.0));
    }
}
