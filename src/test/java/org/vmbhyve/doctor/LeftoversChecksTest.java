package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmbhyve.host.FakeRunner.fail;
import static org.vmbhyve.host.FakeRunner.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What guests that no longer run left behind: run locks, vmm devices, taps. */
class LeftoversChecksTest {

    private static final String GUEST = "loader=\"bhyveload\"\ncpu=1\nmemory=256M\n";

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
        // web runs; nothing else does
        host.runner.answer("pgrep", argv -> ok("4242 bhyve: web\n"));
    }

    @Test
    void vmmDevicesWithoutAGuestProcess() throws IOException {
        host.file("/dev/vmm/web");
        assertEquals(List.of(Diagnosis.pass("/dev/vmm", "1 vmm device(s), each of a running guest")),
                host.run(new VmmDeviceCheck()));
        host.file("/dev/vmm/ghost");
        assertEquals(List.of(Diagnosis.warn("/dev/vmm", "ghost: vmm device left with no guest process",
                "bhyvectl --destroy --vm=ghost")), host.run(new VmmDeviceCheck()));
        assertEquals(1, host.runner.calls("pgrep").size() / 2, "one process listing per run");
    }

    @Test
    void tapsOfGuestsThatDoNotRun() {
        host.runner.answer("ifconfig", argv -> switch (argv.get(1)) {
            case "-g" -> ok("tap0\ntap1\n");
            case "tap0" -> ok("tap0: flags=8943<UP> mtu 1500\n\tdescription: vmnet/web/0/public\n");
            case "tap1" -> ok("tap1: flags=8943<UP> mtu 1500\n\tdescription: vmnet/db/0/public\n");
            default -> fail();
        });
        assertEquals(List.of(Diagnosis.warn("tap", "tap1: left by db, which is not running", "ifconfig tap1 destroy")),
                host.run(new TapCheck()));
        assertEquals(List.of("ifconfig", "-g", "vm-port"), host.runner.calls("ifconfig").get(0));
    }

    @Test
    void noTapsPass() {
        assertEquals(List.of(Diagnosis.pass("tap", "no guest taps")), host.run(new TapCheck()));
    }

    @Test
    void aRunLockOlderThanTheBootIsStale() throws IOException {
        Assumptions.assumeTrue(ProcessHandle.of(1).flatMap(p -> p.info().startInstant()).isPresent(),
                "the boot time (init's start) is not visible here");
        host.guest("db", GUEST).guest("web", GUEST);
        for (String name : List.of("db", "web")) {
            Path lock = Files.writeString(host.vmDir.resolve(name + "/run.lock"), "fakehost\n");
            Files.setLastModifiedTime(lock, FileTime.fromMillis(0));
        }
        assertEquals(List.of(Diagnosis.warn("run.lock", "db: stale run.lock, no supervisor or process runs it",
                "rm " + host.vmDir.resolve("db/run.lock"))), host.run(new StaleLockCheck()));
    }

    @Test
    void aFreshRunLockOrAnotherHostsIsNotStale() throws IOException {
        host.guest("db", GUEST).guest("app", GUEST);
        Files.writeString(host.vmDir.resolve("db/run.lock"), "fakehost\n");
        Path other = Files.writeString(host.vmDir.resolve("app/run.lock"), "otherhost\n");
        Files.setLastModifiedTime(other, FileTime.fromMillis(0));
        assertEquals(List.of(Diagnosis.pass("run.lock", "no stale run locks")), host.run(new StaleLockCheck()));
    }
}
