package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake host's faults file: which call fails, when, and how (see the fake host's README). */
class FaultInjectionIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-faults-"));
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    private String read(String file) throws Exception {
        return Files.readString(host.root.resolve(file));
    }

    @Test
    void theNthMatchingCallFailsBeforeDoingAnything() throws Exception {
        host.fail("ifconfig", "bridge create*", Fault.of(1, "ifconfig: SIOCIFCREATE2: No space left on device").nth(2));
        host.sh("ifconfig bridge create; ifconfig bridge create 2> err; echo $? > status; ifconfig bridge create");
        assertEquals("1\n", read("status"));
        assertEquals("ifconfig: SIOCIFCREATE2: No space left on device\n", read("err"));
        assertTrue(Files.isDirectory(host.state.resolve("if/bridge0")) && Files.isDirectory(host.state.resolve("if/bridge1")));
        assertFalse(Files.exists(host.state.resolve("if/bridge2")), "the failed call made nothing");
        assertEquals(List.of("ifconfig bridge create"), host.faultsHit());
    }

    @Test
    void afterTheToolDidItsWorkItStillFails() throws Exception {
        host.fail("ifconfig", "=bridge create", Fault.ifconfigDestroyBusy().after().every());
        host.sh("ifconfig bridge create 2> err; echo $? > status");
        assertEquals("1\n", read("status"));
        assertTrue(Files.isDirectory(host.state.resolve("if/bridge0")));
        assertEquals("ifconfig: SIOCIFDESTROY: Device busy\n", read("err"));
    }

    @Test
    void aRealToolFailsThroughItsWrapper() throws Exception {
        OptionalTools.assume("truncate");
        host.fail("truncate", "*", Fault.truncateNoSpace("disk.img"));
        host.sh("truncate -s 1M disk.img 2> err; echo $? > status; truncate -s 1M other.img");
        assertEquals("1\n", read("status"));
        assertEquals("truncate: disk.img: No space left on device\n", read("err"));
        assertFalse(Files.exists(host.root.resolve("disk.img")));
        assertEquals(1L << 20, Files.size(host.root.resolve("other.img")), "only the first call fails");
        assertEquals("'truncate' '-s' '1M' 'other.img'\n", Files.readString(host.state.resolve("calls.log")));
    }
}
