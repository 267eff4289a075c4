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
    void theCpuModelIsProbedOncePerRun() {
        FakeRunner runner = new FakeRunner().answer("sysctl", argv -> FakeRunner.ok("hw.model: Intel(R) Xeon(R)\n"));
        SystemHost host = new SystemHost(runner);

        assertEquals("hw.model: Intel(R) Xeon(R)\n", host.cpuModel());
        assertEquals("hw.model: Intel(R) Xeon(R)\n", host.cpuModel());
        assertEquals(List.of(List.of("sysctl", "hw.model")), runner.calls());
    }

    @Test
    void anEmulatedHostHasTheUserItsIdNames() {
        FakeRunner runner = new FakeRunner().answer("id", argv -> FakeRunner.ok("1001\n"));
        SystemHost host = SystemHost.emulated(runner);
        assertEquals(1001, host.uid());
        assertEquals(1001, host.uid());
        assertEquals(List.of(List.of("id", "-u")), runner.calls(), "asked once");
    }
}
