package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No published capture of {@code fstat FILE} on a device was found; these lines follow
 * usr.bin/fstat/fstat.c's formats ({@code "%-8.8s %-10s %5d"}, {@code " %4d"}, {@code " %-8s"},
 * {@code " %6jd %10s"}, {@code " %6s"}, {@code " %2s"}, {@code "  %s"}) column for column.
 */
class FstatTest {

    private static final String HEADER = "USER     CMD          PID   FD MOUNT      INUM MODE         SZ|DV R/W NAME\n";

    @Test
    void namesEachProcessHoldingTheFileOnce() {
        String listing = HEADER
                + "root     cu          4242    3 /dev         97 crw-rw---- nmdm-web.1B rw  /dev/nmdm-web.1B\n"
                + "root     cu          4242    4 /dev         97 crw-rw---- nmdm-web.1B  r  /dev/nmdm-web.1B\n"
                + "operator conserver  31337    7 /dev         97 crw-rw---- nmdm-web.1B rw  /dev/nmdm-web.1B\n";
        assertEquals(List.of(new Fstat.Holder("root", "cu", 4242), new Fstat.Holder("operator", "conserver", 31337)),
                Fstat.parse(listing));
    }

    @Test
    void aCommandNameWithABlankIsKeptWhole() {
        String listing = HEADER
                + "root     my tool       812    5 /dev         97 crw-rw---- nmdm-web.1B rw  /dev/nmdm-web.1B\n";
        assertEquals(List.of(new Fstat.Holder("root", "my tool", 812)), Fstat.parse(listing));
    }

    @Test
    void nobodyWhenOnlyTheHeaderOrNothingComesBack() {
        assertEquals(List.of(), Fstat.parse(HEADER));
        assertEquals(List.of(), Fstat.parse(""));
    }

    @Test
    void aFailedFstatHoldsNothing() {
        FakeRunner runner = new FakeRunner().answer("fstat", argv -> FakeRunner.fail());
        assertEquals(List.of(), new Fstat(runner).holders("/dev/nmdm-web.1B"));
        assertEquals(List.of(List.of("fstat", "/dev/nmdm-web.1B")), runner.calls("fstat"));
    }
}
