package com.readingroom.access;

/**
 * An outside organisation whose people read source under agreements.
 *
 * @param country ISO 3166-1 alpha-2 code, or {@code null}
 */
public record Agency(long id, String name, String country, String contact, AgencyStatus status) {}
