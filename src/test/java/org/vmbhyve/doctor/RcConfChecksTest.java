package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmbhyve.host.FakeRunner.fail;
import static org.vmbhyve.host.FakeRunner.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vm_enable, vm_dir, vm_list and the shutdown timeouts. */
class RcConfChecksTest {

    private static final String GUEST = "loader=\"bhyveload\"\ncpu=1\nmemory=256M\n";

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
    }

    @Test
    void vmEnable() throws IOException {
        assertEquals(List.of(Diagnosis.pass("vm_enable", "vm_enable=YES")), host.run(new EnableCheck()));
        host.rc("vm_enable=\"NO\"");
        assertEquals(List.of(Diagnosis.fail("vm_enable", "vm_enable=NO: vm refuses to manage guests",
                "sysrc vm_enable=YES")), host.run(new EnableCheck()));
    }

    @Test
    void vmDirAsADirectory() throws IOException {
        assertEquals(List.of(Diagnosis.pass("vm_dir", "vm_dir=" + host.vmDir)), host.run(new VmDirCheck()));
        host.rc("vm_dir=\"" + dir.resolve("nowhere") + "\"");
        assertEquals(List.of(Diagnosis.fail("vm_dir", "vm_dir=" + dir.resolve("nowhere") + ": not a directory",
                "mkdir -p " + dir.resolve("nowhere") + " && vm init")), host.run(new VmDirCheck()));
        host.rc("vm_dir=\"\"");
        assertEquals(Status.FAIL, host.run(new VmDirCheck()).get(0).status());
    }

    @Test
    void vmDirOnZfsNeedsTheDatasetAndItsMount() throws IOException {
        host.rc("vm_dir=\"zfs:zroot/vm\"");
        host.runner.answer("zfs", argv -> fail());
        assertEquals(List.of(Diagnosis.fail("vm_dir", "zfs:zroot/vm: dataset zroot/vm does not exist",
                "zfs create zroot/vm")), host.run(new VmDirCheck()));
        host.runner.answer("zfs", argv -> ok("zroot/vm\n"));
        host.runner.answer("mount", argv -> ok("zroot/ROOT/default on / (zfs, local, nfsv4acls)\n"));
        assertEquals(List.of(Diagnosis.fail("vm_dir", "zfs:zroot/vm: dataset zroot/vm is not mounted",
                "zfs mount zroot/vm")), host.run(new VmDirCheck()));
        host.runner.answer("mount", argv -> ok("zroot/vm on " + host.vmDir + " (zfs, local, nfsv4acls)\n"));
        assertEquals(List.of(Diagnosis.pass("vm_dir", "zfs:zroot/vm mounted on " + host.vmDir)),
                host.run(new VmDirCheck()));
        host.runner.answer("kldstat", argv -> fail());
        assertEquals(List.of(Diagnosis.fail("vm_dir", "zfs:zroot/vm: ZFS is not loaded", "kldload zfs")),
                host.run(new VmDirCheck()));
    }

    @Test
    void vmListNamesThatAreNotGuestsWarnWithTheSysrcFix() throws IOException {
        host.guest("web", GUEST).rc("vm_list=\"web ghost\"");
        assertEquals(List.of(Diagnosis.warn("vm_list", "vm_list names ghost, which is not a guest",
                "sysrc vm_list-=ghost")), host.run(new BootListCheck()));
        host.rc("vm_list=\"web\"");
        assertEquals(List.of(Diagnosis.pass("vm_list", "started at boot: web")), host.run(new BootListCheck()));
    }

    @Test
    void theDefaultTimeoutsFitTheDefaultStopTimeout() throws IOException {
        host.guest("web", GUEST);
        assertEquals(List.of(Diagnosis.pass("shutdown", "rcshutdown_timeout is 90 s"),
                Diagnosis.pass("shutdown", "kern.init_shutdown_timeout is 120 s")), host.run(new ShutdownCheck()));
        assertEquals(List.of(List.of("sysctl", "-n", "kern.init_shutdown_timeout")), host.runner.calls("sysctl"));
    }

    @Test
    void aLongStopTimeoutNeedsLongerShutdownTimeouts() throws IOException {
        host.guest("web", GUEST).guest("win", GUEST + "stop_timeout=\"300\"\n");
        host.runner.answer("sysctl", argv -> ok("120\n"));
        assertEquals(List.of(
                Diagnosis.warn("shutdown", "rcshutdown_timeout is 90 s; vm stopall may take 315 s (stop timeout of"
                        + " win 300 s + 15)", "sysrc rcshutdown_timeout=315"),
                Diagnosis.warn("shutdown", "kern.init_shutdown_timeout is 120 s; rc.shutdown may take 330 s",
                        "sysctl kern.init_shutdown_timeout=330 && echo kern.init_shutdown_timeout=330"
                                + " >> /etc/sysctl.conf")), host.run(new ShutdownCheck()));
        host.rc("rcshutdown_timeout=\"400\"");
        host.runner.answer("sysctl", argv -> ok("600\n"));
        assertEquals(Status.PASS, host.run(new ShutdownCheck()).get(0).status());
        assertEquals(Status.PASS, host.run(new ShutdownCheck()).get(1).status());
    }

    @Test
    void vmStopTimeoutInRcConfCountsForEveryGuestAndZeroWaitsForever() throws IOException {
        host.guest("web", GUEST).rc("vm_stop_timeout=\"100\"");
        assertEquals("sysrc rcshutdown_timeout=115", host.run(new ShutdownCheck()).get(0).fix());
        host.rc("vm_stop_timeout=\"0\"");
        Diagnosis forever = host.run(new ShutdownCheck()).get(0);
        assertEquals(Status.WARN, forever.status());
        assertEquals("set stop_timeout=60 with vm configure web (or sysrc vm_stop_timeout=60)", forever.fix());
    }

    @Test
    void withoutVmDirTheGuestChecksSayWhy() throws IOException {
        Files.delete(host.vmDir.resolve(".config/system.conf"));
        host.rc("vm_dir=\"" + dir.resolve("nowhere") + "\"\nvm_list=\"web\"");
        assertEquals(List.of(Diagnosis.info("vm_list", "not checked: vm_dir is not usable")),
                host.run(new BootListCheck()));
        assertEquals(Status.INFO, host.run(new ShutdownCheck()).get(0).status());
    }
}
