package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new bhyve shows its whole argv as its process title for about two seconds, until it calls
 * setproctitle("NAME") (churchers/vm-bhyve#313); pgrep then sees {@code bhyve: NAME}. vm reads
 * the guest as upstream does in both moments.
 */
class ProcessTitleIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-title-");
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
    }

    @AfterEach
    void tearDown() throws Exception {
        host.endStubGuests();
        FakeHost.await("web's supervisor to clean up", () -> !Files.exists(host.vmDir.resolve("web/run.lock")));
        Replay.cleanUp(host);
    }

    private String procs() {
        try {
            Path procs = host.state.resolve("procs");
            return Files.exists(procs) ? Files.readString(procs) : "";
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The STATE column of the guest's row in {@code vm list} (the one before TAGS). */
    private String state(String guest) throws Exception {
        for (String line : host.vm("list").stdout().split("\n")) {
            if (line.startsWith(guest + " ")) {
                List<String> columns = List.of(line.trim().split("  +"));
                return columns.get(columns.size() - 2);
            }
        }
        throw new AssertionError("no row for " + guest);
    }

    @Test
    void beforeItsTitleAGuestIsOnlyLockedThenItRuns() throws Exception {
        Files.writeString(host.state.resolve("bhyve-title-delay"), "4\n");
        assertEquals(0, host.vm("start", "web").exit());
        FakeHost.await("bhyve's argv", () -> procs().matches("(?s)[0-9]+ bhyve -s .* web\n.*"));
        // upstream: no "bhyve: web" to pgrep, so Stopped, then run.lock names this host
        assertEquals("Locked (fakehost)", state("web"));

        FakeHost.await("bhyve's title", () -> procs().matches("(?s)[0-9]+ bhyve: web\n.*"));
        String pid = procs().split(" ")[0];
        assertEquals("Running (" + pid + ")", state("web"));
        String verbose = host.vm("list", "-v").stdout();
        assertTrue(verbose.lines().anyMatch(l -> l.startsWith("web ") && l.matches(".* [0-9]+\\.[0-9] .* 00:[0-9]{2} .*")),
                verbose);
        assertEquals("Stopped", state("db"));
    }
}
