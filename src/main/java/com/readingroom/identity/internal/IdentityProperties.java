package com.readingroom.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedLogins consecutive failures after which an account is locked
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("readingroom.identity")
record IdentityProperties(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockDuration) {}
