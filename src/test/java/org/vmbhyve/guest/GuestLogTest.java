package org.vmbhyve.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The log's hand-written time stamp against the formatter it replaced ({@code date -Iseconds}). */
class GuestLogTest {

    @Test
    void stampsAsTheIsoSecondsPattern() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
        Random random = new Random(5);
        int[] offsets = {0, 3600, -3600, 19800, -34200, 50400, -43200, 45 * 60};
        for (int i = 0; i < 20000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE), random.nextInt(1_000_000_000));
            OffsetDateTime time = instant.atOffset(ZoneOffset.ofTotalSeconds(offsets[i % offsets.length]));
            assertEquals(time.truncatedTo(ChronoUnit.SECONDS).format(pattern), GuestLog.stamp(time), time.toString());
        }
        assertEquals("2026-11-26T04:00:35+05:30",
                GuestLog.stamp(OffsetDateTime.of(2026, 11, 26, 4, 0, 35, 999, ZoneOffset.ofHoursMinutes(5, 30))));
    }
}
