package com.readingroom.search;

import java.time.Duration;
import java.util.List;

/** The state of the code index and its updates, for program managers and auditors. */
public interface SearchIndex {

    /** Per registered repository (program managers and auditors: it names every repository). */
    List<IndexStatus> status();

    /**
     * Checks every repository for new commits and tags now, in the background (program managers only); an update
     * already queued is not queued twice.
     */
    void requestUpdate();

    /** Waits until no update is queued or running; for tests and tools. */
    boolean awaitIdle(Duration timeout);
}
