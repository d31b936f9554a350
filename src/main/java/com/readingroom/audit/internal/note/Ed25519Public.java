package com.readingroom.audit.internal.note;

import java.io.Serial;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Derives an Ed25519 public key from its 32-byte private seed. The JDK offers no direct call, but its key pair
 * generator takes the seed from the random source it is given (RFC 8032 §5.1.5), so a source that yields exactly the
 * seed makes it compute the public key. The result is checked, so a provider that draws differently fails loudly
 * instead of producing a wrong key.
 */
final class Ed25519Public {

    private Ed25519Public() {}

    static byte[] derive(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(255, new SeedSource(seed));
        KeyPair pair = generator.generateKeyPair();
        if (!Arrays.equals(Ed25519Keys.raw(pair.getPrivate()), seed)) {
            throw new GeneralSecurityException("This Java platform's Ed25519 generator cannot derive a public key");
        }
        return Ed25519Keys.raw(pair.getPublic());
    }

    /** Yields the seed once; anything else asked of it is a misuse. */
    private static final class SeedSource extends SecureRandom {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient byte[] seed;
        private transient boolean used;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("The Ed25519 generator asked for unexpected random bytes");
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
            used = true;
        }
    }
}
