package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No published {@code pgrep -fl} listing of running guests was found; the lines follow
 * bin/pkill/pkill.c show_process() ({@code "%d "} then the arguments joined by blanks) with the
 * process titles of published {@code ps ax} captures ({@code bhyve: openbsd0}, michaeldexter/vmrc#16).
 */
class PgrepOutputTest {

    @Test
    void titlesArgvAndLoaders() {
        List<PgrepOutput.Entry> entries = PgrepOutput.entries("""
                33955 bhyve: openbsd0
                994 bhyveload -c /dev/nmdm-freebsd.1A -m 512M -e autoboot_delay=3 -d /usr/vm/freebsd/disk0 freebsd
                4011 bhyve -c 2 -m 4G -AHP -s 0,hostbridge -s 31,lpc -l com1,/dev/nmdm-web.1A web
                """);
        assertEquals(3, entries.size());
        assertEquals(33955L, entries.get(0).pid());
        assertEquals("openbsd0", entries.get(0).lastWord());
        assertTrue(entries.get(0).bhyveTitle());
        assertEquals("freebsd", entries.get(1).lastWord());
        assertFalse(entries.get(1).bhyveTitle());
        assertEquals("web", entries.get(2).lastWord());
        assertFalse(entries.get(2).bhyveTitle(), "before setproctitle: the argv");
    }

    @Test
    void nothingRunningAndNoise() {
        assertEquals(List.of(), PgrepOutput.entries(""));
        assertEquals(List.of(), PgrepOutput.entries("pgrep: illegal option\n12\n"));
    }
}
