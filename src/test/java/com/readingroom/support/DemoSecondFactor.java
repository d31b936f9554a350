package com.readingroom.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The authenticator app of the demo's program manager and auditor (their secrets are in the README), for tests that
 * sign in as they do. A code is accepted once: a second sign-in as the same person waits for the next 30-second step.
 */
public final class DemoSecondFactor {

    private static final Map<String, String> SECRETS =
            Map.of("pm", "RRDEMOPMTOTPSECRETKEY234", "auditor", "RRDEMOAUDITORTOTPKEY2345");
    private static final Map<String, Long> lastStep = new ConcurrentHashMap<>();
    private static final TimeBasedOneTimePasswordGenerator CODES = new TimeBasedOneTimePasswordGenerator();

    private DemoSecondFactor() {}

    public static boolean needed(String username) {
        return SECRETS.containsKey(username);
    }

    /** The current code, never one handed out before in this test run. */
    public static synchronized String code(String username) {
        long step = Instant.now().getEpochSecond() / 30;
        while (step <= lastStep.getOrDefault(username, -1L)) {
            try {
                Thread.sleep(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            step = Instant.now().getEpochSecond() / 30;
        }
        lastStep.put(username, step);
        return at(SECRETS.get(username), Instant.ofEpochSecond(step * 30));
    }

    public static String at(String base32Secret, Instant instant) {
        try {
            return CODES.generateOneTimePasswordString(
                    new SecretKeySpec(new Base32().decode(base32Secret), CODES.getAlgorithm()), instant);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
