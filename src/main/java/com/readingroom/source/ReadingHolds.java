package com.readingroom.source;

import java.util.List;

/**
 * The bulk-reading guard's holds. A person who reads files faster than the configured rate is slowed down and
 * auditors are alerted; one who keeps it up is held: no file opens for them until a program manager clears the hold.
 * Every step is audited.
 */
public interface ReadingHolds {

    /** The holds in force, oldest first. For program managers and auditors. */
    List<ReadingHold> active();

    /**
     * Lets the person read again. For program managers; audited.
     *
     * @throws IllegalArgumentException if there is no such hold in force or the note is empty
     */
    void clear(long holdId, String note);
}
