package org.vmbhyve.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomUuidTest {

    /** The text is UUID's own, and the version and variant bits are those of a random UUID. */
    @Test
    void versionFourInUuidsOwnText() {
        Random random = new Random(9);
        for (int i = 0; i < 10000; i++) {
            String text = RandomUuid.next(random);
            UUID parsed = UUID.fromString(text);
            assertEquals(parsed.toString(), text);
            assertEquals(4, parsed.version(), text);
            assertEquals(2, parsed.variant(), text);
        }
    }
}
