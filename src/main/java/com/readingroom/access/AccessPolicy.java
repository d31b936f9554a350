package com.readingroom.access;

import com.readingroom.identity.Person;
import java.time.Instant;
import java.util.List;

/**
 * The one place that decides who may read what. Every answer is computed from the agreements as they stand at the
 * given instant: nothing is cached across requests, so a suspension takes effect on the very next request.
 */
public interface AccessPolicy {

    /**
     * The products, and the repositories within them, that the person may read at the instant, each with the
     * agreement that grants it. Empty for anyone who is not a reviewer of an agency with an agreement in force.
     */
    List<ReadableProduct> readableProducts(Person person, Instant instant);
}
