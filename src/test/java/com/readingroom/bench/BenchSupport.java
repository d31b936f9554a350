package com.readingroom.bench;

import com.readingroom.identity.Person;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the benchmarks share: percentiles, and acting as a reviewer or as the program office. */
final class BenchSupport {

    private BenchSupport() {}

    static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    static void signIn(Person person) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        person.username(), null, AuthorityUtils.createAuthorityList("ROLE_REVIEWER")));
    }

    static <T> T asManager(Supplier<T> call) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench-manager", null, AuthorityUtils.createAuthorityList("ROLE_PROGRAM_MANAGER")));
        try {
            return call.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
