package com.readingroom.identity;

/**
 * Published, inside the transaction that makes it, whenever a person is created or changed; the audit module records
 * it synchronously (a listener failure rolls the change back).
 *
 * @param created {@code true} for a new person
 * @param change what changed, in words, never a password
 * @param endsSessions whether the person's open sessions must end: a password reset, a disabled account, new roles
 */
public record PersonChanged(String username, Long agencyId, boolean created, String change, boolean endsSessions) {}
