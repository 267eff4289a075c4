package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The host facts: the user id, the CPU model, the kernel version. */
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

    @Test
    void theKernelVersionIsUnameKsBareInteger() {
        for (String[] capture : new String[][] {{"uname-K-13.0-RC1.txt", "1300139"}, {"uname-K-12.2.txt", "1202000"}}) {
            FakeRunner runner = new FakeRunner().answer("uname", argv -> FakeRunner.ok(HostOutput.text(capture[0])));
            assertEquals(java.util.Optional.of(Integer.parseInt(capture[1])), new SystemHost(runner).osReldate());
        }
    }
}
