package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * No published {@code ps -o%cpu= -orss= -oetime=} line was found; these follow bin/ps/print.c
 * (elapsed(): {@code %3d-%02d:%02d:%02d}, {@code %02d:%02d:%02d}, {@code %02d:%02d}).
 */
class PsStatsTest {

    @Test
    void readsTheThreeColumns() {
        PsStats ps = PsStats.parse(" 1.5 524288   3-04:05:06\n");
        assertEquals(new BigDecimal("1.5"), ps.cpu());
        assertEquals(524288L, ps.rssKib());
        assertEquals("3-04:05:06", ps.etime());
        assertEquals(3 * 86400L + 4 * 3600 + 5 * 60 + 6, ps.seconds());
    }

    @Test
    void etimeInEachOfItsForms() {
        assertEquals(65L, PsStats.seconds("01:05"));
        assertEquals(3600L + 65, PsStats.seconds("01:01:05"));
        assertEquals(86400L * 123 + 65, PsStats.seconds("123-00:01:05"));
        assertEquals(86400L + 65, PsStats.seconds("  1-00:01:05"));
        assertNull(PsStats.seconds("soon"));
        assertNull(PsStats.seconds("5"));
    }

    @Test
    void aGoneProcessPrintsNothing() {
        assertNull(PsStats.parse(""));
        assertNull(PsStats.parse("%CPU RSS ELAPSED\n"));
    }
}
