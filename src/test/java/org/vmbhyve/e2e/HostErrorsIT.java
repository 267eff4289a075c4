package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A host tool's own complaint reaches the user before vm's error line, as with upstream, whose
 * shell leaves the tool's stderr alone. The real Linux {@code truncate} rejects {@code 1.5G} just
 * as FreeBSD's does (neither takes a fraction).
 */
class HostErrorsIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-host-errors-"));
        assertEquals(0, host.vm("init").exit());
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    /** The stderr lines of a run: truncate's own, then vm's. */
    private static List<String> lines(FakeHost.Run run) {
        return List.of(run.stderr().replace(FakeHost.LAUNCHER.toString(), "vm").split("\n"));
    }

    /**
     * truncate's complaint about the size. GNU tools name themselves by argv[0], the full path the
     * runner resolved; FreeBSD's err(3) prints the bare program name.
     */
    private static boolean fromTruncate(String line) {
        return (line.startsWith("truncate: ") || line.matches("/\\S*/truncate: .*")) && line.contains("1.5G");
    }

    @Test
    void createShowsTruncatesComplaintAndLeavesNoHalfGuest() throws Exception {
        FakeHost.Run run = host.vm("create", "-s", "1.5G", "gst");
        assertEquals(1, run.exit(), run.stderr());
        List<String> lines = lines(run);
        assertEquals(2, lines.size(), run.stderr());
        assertTrue(fromTruncate(lines.get(0)), lines.get(0));
        assertEquals("vm: ERROR: failed to create sparse file for disk image", lines.get(1));
        assertFalse(Files.exists(host.vmDir.resolve("gst")), "a failed create left a guest behind");
        assertEquals(0, host.vm("create", "-s", "1G", "gst").exit(), "the name is free again");
    }

    @Test
    void addShowsTruncatesComplaintAndLeavesTheGuestAsItWas() throws Exception {
        assertEquals(0, host.vm("create", "-s", "10M", "gst").exit());
        Path conf = host.vmDir.resolve("gst/gst.conf");
        String before = Files.readString(conf);
        FakeHost.Run run = host.vm("add", "-d", "disk", "-t", "file", "-s", "1.5G", "gst");
        assertEquals(1, run.exit(), run.stderr());
        List<String> lines = lines(run);
        assertEquals(2, lines.size(), run.stderr());
        assertTrue(fromTruncate(lines.get(0)), lines.get(0));
        assertEquals("vm: ERROR: failed to create sparse file for disk image", lines.get(1));
        assertEquals(before, Files.readString(conf));
        assertFalse(Files.exists(host.vmDir.resolve("gst/disk1.img")));
    }
}
