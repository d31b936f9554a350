package com.readingroom.search.internal;

import com.readingroom.search.SearchQueryException;

/**
 * Bounds the time a regular expression may take: Java's regex engine backtracks, and a reviewer's pattern like
 * {@code (a+)+$} could otherwise hold a thread for hours. The text is read through a {@link CharSequence} that checks
 * the clock every few thousand characters.
 */
final class RegexDeadline {

    private final long deadlineNanos;

    RegexDeadline(java.time.Duration budget) {
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    boolean passed() {
        return System.nanoTime() > deadlineNanos;
    }

    CharSequence guard(CharSequence text) {
        return new Guarded(text, this);
    }

    private record Guarded(CharSequence text, RegexDeadline deadline, int[] reads) implements CharSequence {

        Guarded(CharSequence text, RegexDeadline deadline) {
            this(text, deadline, new int[1]);
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > 4096) {
                reads[0] = 0;
                if (deadline.passed()) {
                    throw new SearchQueryException(
                            "The regular expression takes too long to match; make it more specific (fewer nested"
                                    + " repetitions such as (a+)+).",
                            0);
                }
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Guarded(text.subSequence(start, end), deadline, reads);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
