package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The host facts that replace a process: the user id. */
class SystemHostTest {

    @Test
    void userIdIsWhatIdPrintsWithoutRunningIt() {
        FakeRunner runner = new FakeRunner();
        long uid = new SystemHost(runner).uid();

        String id = new SystemProcessRunner(new ToolPath("/usr/bin:/bin")).run("id", "-u").firstLine();
        assertEquals(Long.parseLong(id), uid);
        assertEquals(List.of(), runner.calls());
    }

    @Test
    void anEmulatedHostHasTheUserItIsGiven() {
        FakeRunner runner = new FakeRunner();
        assertEquals(1001, SystemHost.emulated(runner, "1001").uid());
        assertEquals(0, SystemHost.emulated(runner, "0").uid());
        assertEquals(-1, SystemHost.emulated(runner, "root").uid());
        assertEquals(List.of(), runner.calls());
    }
}
