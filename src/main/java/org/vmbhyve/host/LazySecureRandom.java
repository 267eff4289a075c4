package org.vmbhyve.host;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link SecureRandom} made on first use: setting one up loads the security providers, and
 * only the commands that generate a MAC address need it.
 */
public final class LazySecureRandom implements RandomGenerator {

    private SecureRandom random;

    private SecureRandom random() {
        if (random == null) {
            random = new SecureRandom();
        }
        return random;
    }

    @Override
    public long nextLong() {
        return random().nextLong();
    }

    @Override
    public int nextInt(int bound) {
        return random().nextInt(bound);
    }
}
