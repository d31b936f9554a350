package com.readingroom.audit.internal;

import com.readingroom.audit.internal.note.NoteSigner;
import java.nio.file.Path;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the checkpoint signing key ({@code signingKey}): it signs, its signature verifies with the log's keys, and
 * its file still holds it — a key file gone or changed under a running node would give the next start another key.
 * The details name the public verifier key only.
 */
@Component("signingKeyHealthIndicator")
class SigningKeyHealth implements HealthIndicator {

    private static final String PROBE = "readingroom health probe\n";

    private final SigningKey key;

    SigningKeyHealth(SigningKey key) {
        this.key = key;
    }

    @Override
    public Health health() {
        NoteSigner signer = key.signer();
        Health.Builder health = Health.up().withDetail("verifierKey", signer.verifierKey());
        try {
            key.verifier().open(signer.sign(PROBE));
        } catch (RuntimeException broken) {
            return health.down()
                    .withDetail("problem", "the key cannot sign: " + broken.getMessage())
                    .build();
        }
        Path file = key.file();
        try {
            NoteSigner stored = SigningKey.load(file, key.verifier().name());
            if (!stored.verifierKey().equals(signer.verifierKey())) {
                return health.down()
                        .withDetail("problem", file + " now holds another key than this node signs with")
                        .build();
            }
        } catch (SigningKeyUnavailableException unreadable) {
            return health.down().withDetail("problem", unreadable.getMessage()).build();
        }
        return health.build();
    }
}
