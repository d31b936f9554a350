package com.readingroom.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/** Turns the offset/limit window of a lazy grid into a page request. */
public final class Pages {

    private Pages() {}

    /**
     * Vaadin's lazy grids ask for windows aligned on their page size, which map onto pages exactly; a misaligned
     * window would silently return the wrong rows, so it is refused.
     *
     * @throws IllegalArgumentException for a negative offset, a non-positive limit or a misaligned window
     */
    public static Pageable of(int offset, int limit, Sort sort) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("Bad page window: offset " + offset + ", limit " + limit);
        }
        if (offset % limit != 0) {
            throw new IllegalArgumentException(
                    "Page window offset " + offset + " is not a multiple of its limit " + limit);
        }
        return PageRequest.of(offset / limit, limit, sort);
    }
}
