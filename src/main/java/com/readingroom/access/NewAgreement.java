package com.readingroom.access;

import java.time.Instant;

public record NewAgreement(
        String reference, long agencyId, String title, String terms, Instant validFrom, Instant validUntil) {}
