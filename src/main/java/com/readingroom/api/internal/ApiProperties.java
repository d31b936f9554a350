package com.readingroom.api.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the machine API.
 *
 * @param requestsPerMinute calls one token may make per minute; the bulk-reading guard of source browsing applies to
 *     file reads on top of it
 */
@ConfigurationProperties("readingroom.api")
record ApiProperties(@DefaultValue("600") int requestsPerMinute) {}
