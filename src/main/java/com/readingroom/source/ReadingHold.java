package com.readingroom.source;

import java.time.Instant;

/** A person whose reading the bulk-reading guard has paused until a program manager clears it. */
public record ReadingHold(long id, long personId, String username, Instant heldAt, String reason) {}
