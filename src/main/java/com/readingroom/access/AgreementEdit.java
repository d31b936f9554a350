package com.readingroom.access;

import java.time.Instant;

/** The editable fields of an agreement. Its window can be edited only while it is a draft; renew it afterwards. */
public record AgreementEdit(String title, String terms, Instant validFrom, Instant validUntil) {}
