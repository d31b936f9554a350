package com.readingroom.api.internal;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Refs hold slashes ({@code refs/heads/main}), and the API takes a ref as one URL segment, so {@code %2F} must reach
 * the application still encoded: Tomcat passes it through (instead of refusing it) and the firewall lets it by. Spring
 * MVC then decodes each path variable after matching, so a ref never spills into the path. Everything else the
 * firewall refuses (encoded {@code .}, backslashes, control characters, {@code ..} segments) stays refused.
 */
@Configuration
class EncodedRefs {

    @Bean
    TomcatConnectorCustomizer encodedSlashesPassThrough() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    @Bean
    HttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        // With %2F passed through, Tomcat keeps %25 encoded too, so the servlet path holds a literal '%'; the
        // policy refuses percent-encoded sequences in paths and refs in any case.
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }
}
