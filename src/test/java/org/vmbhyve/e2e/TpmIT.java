package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A guest with {@code tpm="swtpm"} on the fake host (the swtpm stub of src/test/fakehost/pkg):
 * one swtpm for the whole run, gone after every way a run ends, also after a killed supervisor;
 * and every refusal leaves the disk as it was.
 */
class TpmIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-tpm-"));
        ok("init");
        host.sh("cp $TEMPLATES/windows11.conf vm/.templates/ && mkdir -p host/usr/local/share/uefi-firmware"
                + " && touch host/usr/local/share/uefi-firmware/BHYVE_UEFI.fd"
                + " host/usr/local/share/uefi-firmware/BHYVE_UEFI_VARS.fd");
        ok("switch", "create", "public");
        ok("create", "-t", "windows11", "-s", "1G", "win11");
        host.sh("cp $FAKEHOST_PKG/swtpm $FAKEHOST_PKG/swtpm_ioctl host/usr/local/sbin/");
    }

    @AfterEach
    void tearDown() throws Exception {
        host.endStubGuests();
        Replay.cleanUp(host);
    }

    private FakeHost.Run ok(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.stdout() + run.stderr());
        return run;
    }

    private List<String> procs(String name) throws IOException {
        Path procs = host.state.resolve("procs");
        List<String> found = new ArrayList<>();
        if (Files.exists(procs)) {
            for (String line : Files.readAllLines(procs)) {
                String[] words = line.split(" ");
                if (words.length > 1 && words[1].equals(name)) {
                    found.add(line);
                }
            }
        }
        return found;
    }

    private boolean swtpmRunning() {
        try {
            return !procs("swtpm").isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path runDir() {
        return host.hostRoot.resolve("var/run/vm-bhyve");
    }

    private String log() throws IOException {
        return Files.readString(host.vmDir.resolve("win11/vm-bhyve.log"));
    }

    /** No swtpm, socket or pid file, and no run.lock: a run that ended cleanly. */
    private void assertNothingLeft() throws Exception {
        FakeHost.await("the run to end", () -> !Files.exists(host.vmDir.resolve("win11/run.lock")));
        FakeHost.await("swtpm to end", () -> !swtpmRunning());
        assertFalse(Files.exists(runDir().resolve("win11.tpm")), "socket left");
        assertFalse(Files.exists(runDir().resolve("win11.tpm.pid")), "pid file left");
        assertTrue(host.vm("info", "win11").stdout().contains("    swtpm-running: no\n"));
    }

    private void staysUp() throws IOException {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
    }

    /** The supervisor: the parent of the stub bhyve. */
    private ProcessHandle supervisor() throws Exception {
        String line = procs("bhyve:").get(0);
        return ProcessHandle.of(Long.parseLong(line.split(" ")[0])).flatMap(ProcessHandle::parent).orElseThrow();
    }

    private void startAndAwaitBhyve() throws Exception {
        staysUp();
        ok("start", "win11");
        FakeHost.await("bhyve to run", () -> Files.exists(host.hostRoot.resolve("dev/vmm/win11")));
        assertEquals(1, procs("swtpm").size());
        assertTrue(host.vm("info", "win11").stdout().contains("    swtpm-running: yes\n"));
    }

    @Test
    void oneSwtpmServesEveryBootOfARun() throws Exception {
        Files.writeString(host.state.resolve("bhyve-exits"), "0\n0\n1\n");
        FakeHost.Run start = host.vm("start", "-f", "win11");
        assertEquals(1, start.exit(), start.stdout());
        List<String> calls = start.hostCalls();
        int swtpm = 0;
        int bhyve = 0;
        List<String> resets = new ArrayList<>();
        for (String call : calls) {
            swtpm += call.startsWith("'swtpm' ") ? 1 : 0;
            bhyve += call.startsWith("'bhyve' ") ? 1 : 0;
            if (call.startsWith("'swtpm_ioctl' ")) {
                resets.add(call);
            }
        }
        assertEquals(1, swtpm, calls.toString());
        assertEquals(3, bhyve, calls.toString());
        // swtpm_ioctl(8): CMD_INIT through the control channel, a reset before each reboot
        String reset = "'swtpm_ioctl' '--unix' '" + runDir().resolve("win11.tpm.ctrl") + "' '-i'";
        assertEquals(List.of(reset, reset), resets);
        assertTrue(calls.indexOf(calls.stream().filter(c -> c.startsWith("'swtpm' ")).findFirst().orElseThrow())
                < calls.indexOf(calls.stream().filter(c -> c.startsWith("'bhyve' ")).findFirst().orElseThrow()));
        assertTrue(calls.get(calls.size() - 1).startsWith("'pkill' '-F' "), calls.toString());
        assertTrue(Files.isDirectory(host.vmDir.resolve("win11/tpm")));
        assertNothingLeft();
    }

    @Test
    void swtpmEndsWithVmStop() throws Exception {
        startAndAwaitBhyve();
        assertEquals("Sending ACPI shutdown to win11\n", ok("stop", "win11").stdout());
        assertNothingLeft();
        assertTrue(log().contains("stopping swtpm\n"), log());
    }

    @Test
    void swtpmEndsWithVmPoweroff() throws Exception {
        startAndAwaitBhyve();
        ok("poweroff", "-f", "win11");
        assertNothingLeft();
    }

    @Test
    void swtpmEndsWhenTheSupervisorIsSentSigterm() throws Exception {
        startAndAwaitBhyve();
        ProcessHandle supervisor = supervisor();
        supervisor.destroy();
        FakeHost.await("the supervisor to exit", () -> !supervisor.isAlive());
        assertNothingLeft();
    }

    @Test
    void swtpmEndsWhenBhyveFailsToStart() throws Exception {
        // bhyve exits 4 when a device cannot be set up, such as a TPM socket it cannot reach
        Files.writeString(host.state.resolve("bhyve-exit"), "4");
        FakeHost.Run start = host.vm("start", "-f", "win11");
        assertEquals(4, start.exit(), start.stdout());
        assertNothingLeft();
    }

    @Test
    void aFailingSwtpmStopsTheStartBeforeAnyTapOrBhyve() throws Exception {
        Files.writeString(host.state.resolve("swtpm-fails"), "");
        FakeHost.Run start = host.vm("start", "-f", "win11");
        assertEquals(15, start.exit(), start.stdout());
        for (String call : start.hostCalls()) {
            assertFalse(call.startsWith("'bhyve' ") || call.startsWith("'ifconfig' 'tap'"), call);
        }
        assertTrue(log().contains("fatal; swtpm exited with status 1 before making "), log());
        assertNothingLeft();
    }

    @Test
    void theNextStartEndsTheSwtpmOfAKilledSupervisor() throws Exception {
        startAndAwaitBhyve();
        String stale = procs("swtpm").get(0);
        ProcessHandle supervisor = supervisor();
        supervisor.destroyForcibly();
        FakeHost.await("the supervisor to die", () -> !supervisor.isAlive());
        ok("stop", "win11");
        FakeHost.await("bhyve to exit", () -> {
            try {
                return procs("bhyve:").isEmpty();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(List.of(stale), procs("swtpm"), "swtpm outlives a killed supervisor");

        Files.delete(host.state.resolve("bhyve-stays-up"));
        FakeHost.Run start = host.vm("start", "-f", "win11");
        assertEquals(1, start.exit(), start.stdout());
        String pidFile = "'" + runDir().resolve("win11.tpm.pid") + "'";
        assertEquals("'pkill' '-F' " + pidFile + " '-x' 'swtpm'",
                start.hostCalls().stream().filter(c -> c.startsWith("'pkill'")).findFirst().orElseThrow());
        assertTrue(log().contains("clearing up after an earlier run that did not stop cleanly\n"), log());
        assertNothingLeft();
    }

    @Test
    void theTpmStateMovesWithRename() throws Exception {
        assertEquals(1, host.vm("start", "-f", "win11").exit());
        Files.writeString(host.vmDir.resolve("win11/tpm/tpm2-00.permall"), "state");
        ok("rename", "win11", "win12");
        assertEquals("state", Files.readString(host.vmDir.resolve("win12/tpm/tpm2-00.permall")));
        assertTrue(ok("start", "--dry-run", "win12").stdout().contains(" --tpmstate dir=" + host.vmDir
                + "/win12/tpm "));
    }

    /** On ZFS the state is inside the guest's dataset: clone and image create/provision carry it. */
    @Test
    void theTpmStateTravelsInTheDatasetOnZfs() throws Exception {
        FakeHost zfs = new FakeHost(Files.createTempDirectory("vm-tpm-zfs-"));
        try {
            zfs.sh("fakehost-zfs-vmdir tank/vm");
            assertEquals(0, zfs.vm("init").exit());
            zfs.sh("cp $TEMPLATES/windows11.conf vm/.templates/"
                    + " && cp $FAKEHOST_PKG/swtpm $FAKEHOST_PKG/swtpm_ioctl host/usr/local/sbin/"
                    + " && mkdir -p host/usr/local/share/uefi-firmware"
                    + " && touch host/usr/local/share/uefi-firmware/BHYVE_UEFI.fd"
                    + " host/usr/local/share/uefi-firmware/BHYVE_UEFI_VARS.fd");
            assertEquals(0, zfs.vm("create", "-t", "windows11", "-s", "10M", "win11").exit());
            assertEquals(1, zfs.vm("start", "-f", "win11").exit());
            Files.writeString(zfs.vmDir.resolve("win11/tpm/tpm2-00.permall"), "state");
            assertEquals(0, zfs.vm("clone", "win11", "win11b").exit());
            assertEquals("state", Files.readString(zfs.vmDir.resolve("win11b/tpm/tpm2-00.permall")));
            FakeHost.Run image = zfs.vm("image", "create", "-u", "win11");
            assertEquals(0, image.exit(), image.stderr());
            String uuid = image.stdout().replaceAll("(?s).*with UUID ([0-9a-f-]{36}).*", "$1");
            assertEquals(0, zfs.vm("image", "provision", uuid, "win11c").exit());
            assertEquals("state", Files.readString(zfs.vmDir.resolve("win11c/tpm/tpm2-00.permall")));
        } finally {
            zfs.endStubGuests();
            Replay.cleanUp(zfs);
        }
    }

    /** A long vm_dir does not lengthen the socket; a name too long for sun_path gets a digest. */
    @Test
    void theSocketFitsSunPathForAnyName() throws Exception {
        String name = "w".repeat(120);
        ok("create", "-t", "windows11", "-s", "1G", name);
        String dry = ok("start", "--dry-run", name).stdout();
        String socket = dry.replaceAll("(?s).* -l tpm,swtpm,(\\S+) .*", "$1");
        assertTrue(socket.startsWith(runDir() + "/tpm-") && socket.endsWith(".tpm"), socket);
        assertTrue(ok("start", "--dry-run", "win11").stdout().contains(" -l tpm,swtpm," + runDir() + "/win11.tpm "));
    }

    @Test
    void everyRefusalLeavesTheDiskAsItWas() throws Exception {
        List<String> refusals = new ArrayList<>();
        // no swtpm installed, FreeBSD 14, a bad kind, no UEFI, no /dev/tpm0
        for (String setUp : List.of("rm host/usr/local/sbin/swtpm", "echo 1403000 > state/osreldate",
                "sed -i 's/^tpm=.*/tpm=\"on\"/' vm/win11/win11.conf",
                "sed -i 's/^loader=.*/loader=\"bhyveload\"/' vm/win11/win11.conf",
                "sed -i 's/^tpm=.*/tpm=\"passthru\"/' vm/win11/win11.conf")) {
            host.sh("cp vm/win11/win11.conf state/saved.conf && " + setUp);
            String before = snapshot();
            for (List<String> command : List.of(List.of("start", "-f", "win11"), List.of("start", "win11"),
                    List.of("start", "--dry-run", "win11"))) {
                FakeHost.Run run = host.vm(command.toArray(String[]::new));
                assertEquals(1, run.exit(), setUp + ": " + command);
                assertEquals(List.of(), run.hostCalls(), setUp + ": " + command);
                assertEquals(before, snapshot(), setUp + ": " + command);
                refusals.add(run.stdout().isEmpty() ? run.stderr() : run.stdout());
            }
            host.sh("cp state/saved.conf vm/win11/win11.conf && rm -f state/osreldate && cp $FAKEHOST_PKG/swtpm"
                    + " $FAKEHOST_PKG/swtpm_ioctl host/usr/local/sbin/");
        }
        assertEquals(15, refusals.size(), refusals.toString());
    }

    /** Every file under the vm dir and the run-time dir, with its size and modification time. */
    private String snapshot() throws IOException {
        StringBuilder out = new StringBuilder();
        for (Path top : List.of(host.vmDir, host.hostRoot.resolve("var/run"))) {
            if (!Files.exists(top)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(top)) {
                for (Path p : paths.sorted().toList()) {
                    out.append(p).append(' ').append(Files.isDirectory(p) ? "dir" : Files.size(p)).append(' ')
                            .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                }
            }
        }
        return out.toString();
    }
}
