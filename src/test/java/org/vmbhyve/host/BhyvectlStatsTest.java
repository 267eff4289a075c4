package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No published {@code bhyvectl --get-stats} was found; the lines follow bhyvectl.c
 * ({@code "%-40s\t%ld"}) with the value churchers/vm-bhyve#467 shows as memory-resident.
 */
class BhyvectlStatsTest {

    @Test
    void readsACounterByItsDescription() {
        List<String> stats = List.of("vcpu0 stats:",
                String.format("%-40s\t%d", "vcpu migration across host cpus", 12),
                String.format("%-40s\t%d", "Resident memory", 927780864L),
                String.format("%-40s\t%d", "Wired memory", 0));
        assertEquals(927780864L, BhyvectlStats.counter(stats, "Resident memory"));
        assertEquals(0L, BhyvectlStats.counter(stats, "Wired memory"));
        assertNull(BhyvectlStats.counter(stats, "memory"));
        assertNull(BhyvectlStats.counter(List.of(), "Resident memory"));
    }
}
