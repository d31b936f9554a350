package com.readingroom.audit.internal;

import java.io.IOException;
import java.util.List;

/** A SIEM's receiver of the audit stream. */
interface StreamTarget {

    /** Names the target in logs and in its cursor; never carries a credential. */
    String name();

    /**
     * Delivers the items in order; returns only once the target took them all.
     *
     * @throws IOException when it did not (the same items are offered again later)
     */
    void deliver(List<StreamItem> items) throws IOException;
}
