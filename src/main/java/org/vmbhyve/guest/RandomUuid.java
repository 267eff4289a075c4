package org.vmbhyve.guest;

import java.util.random.RandomGenerator;
import org.vmbhyve.config.Chars;

/**
 * Random (version 4) UUIDs in their text form, drawn from the run's generator: a
 * {@code SecureRandom}, as for {@code UUID.randomUUID}, but set up only when a run draws from
 * it (that loads the security providers), and fixed by a test that fixes the draws.
 */
public final class RandomUuid {

    private RandomUuid() {
    }

    public static String next(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        String hex = hex(high) + hex(low);
        // by hand: UUID.toString's formatting pulls in a dozen VarHandle classes
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String hex(long bits) {
        return Chars.rightAligned(Long.toHexString(bits), 16, '0');
    }
}
