package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code vm doctor} through the real launcher: a ready host, a broken one, JSON, and a user other than root. */
class DoctorIT {

    /** The widest check name ({@code grub-bhyve}), which sets the column. */
    private static final int WIDTH = 10;

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-doctor-");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    private static String line(String status, String check, String detail) {
        return status + "  " + check + " ".repeat(WIDTH - check.length()) + "  " + detail + "\n";
    }

    @Test
    void aReadyHostPassesAndNothingIsTouched() throws Exception {
        List<String> before = tree();
        FakeHost.Run run = host.vm("doctor");
        assertEquals(0, run.exit(), run.stdout() + run.stderr());
        assertEquals("", run.stderr());
        List<String> lines = run.stdout().lines().toList();
        assertTrue(lines.size() >= 8, run.stdout());
        for (String line : lines) {
            assertTrue(line.matches("(PASS|INFO|WARN)  [^ ]+ *  .+"), line);
        }
        String out = run.stdout();
        for (String expected : List.of(
                line("PASS", "vmm", "vmm.ko is loaded"),
                line("PASS", "cpu", "AMD SVM is initialised"),
                line("PASS", "nmdm", "nmdm.ko is loaded"),
                line("PASS", "if_bridge", "if_bridge.ko is loaded"),
                line("PASS", "if_tuntap", "if_tuntap.ko is loaded"),
                line("PASS", "vm_enable", "vm_enable=YES"),
                line("PASS", "vm_dir", "vm_dir=" + host.vmDir),
                line("PASS", "vm_list", "started at boot: web db"),
                line("PASS", "shutdown", "rcshutdown_timeout is 90 s"),
                line("PASS", "guests", "2 guest(s) pass vm check"),
                line("PASS", "switch", "public: vm-public exists"),
                line("INFO", "nat", "no switch uses NAT"),
                line("PASS", "/dev/vmm", "no vmm devices"),
                line("PASS", "tap", "no guest taps"))) {
            assertTrue(out.contains(expected), expected + " in\n" + out);
        }
        assertTrue(out.contains("  jdk         Java " + System.getProperty("java.version")) || out.contains("  jdk "), out);
        assertTrue(out.contains("  archive     "), out);
        // probes only: ifconfig listings, no module loaded, nothing created or destroyed
        for (String call : run.hostCalls()) {
            assertTrue(call.startsWith("'ifconfig' '-g'") || call.matches("'ifconfig' '[a-z0-9-]+'"), call);
        }
        assertFalse(Files.exists(host.state.resolve("kld/pf")));
        assertEquals(before, tree());
    }

    @Test
    void aBrokenHostFailsWithTheFixes() throws Exception {
        Files.delete(host.state.resolve("kld/vmm"));
        Files.writeString(host.rcConf, "vm_list=\"web db ghost\"\n", StandardOpenOption.APPEND);
        Files.writeString(host.vmDir.resolve(".config/system.conf"), "nat_public=\"yes\"\n", StandardOpenOption.APPEND);
        host.sh("ifconfig tap create name tap5 descr vmnet/db/0/public group vm-port >/dev/null");
        host.sh("ifconfig vm-public destroy");
        Files.createFile(host.hostRoot.resolve("dev/vmm/db"));

        FakeHost.Run run = host.vm("doctor");
        assertEquals(1, run.exit(), run.stdout());
        assertEquals("", run.stderr());
        String out = run.stdout();
        for (String expected : List.of(
                line("FAIL", "vmm", "vmm.ko is not loaded and not found in /boot/kernel or /boot/modules"
                        + " (fix: kldload vmm)"),
                line("INFO", "cpu", "AMD EPYC 7302P 16-Core Processor: not checked until vmm.ko is loaded"),
                line("WARN", "vm_list", "vm_list names ghost, which is not a guest (fix: sysrc vm_list-=ghost)"),
                line("FAIL", "switch", "public: its bridge does not exist (fix: vm init)"),
                line("FAIL", "nat", "NAT on public: pf is not enabled (fix: sysrc pf_enable=YES && service pf start)"),
                line("WARN", "/dev/vmm", "db: vmm device left with no guest process (fix: bhyvectl --destroy --vm=db)"),
                line("WARN", "tap", "tap5: left by db, which is not running (fix: ifconfig tap5 destroy)"))) {
            assertTrue(out.contains(expected), expected + " in\n" + out);
        }
        // a vmm.ko kldload would find turns the failure into a warning; nothing was loaded meanwhile
        Files.createDirectories(host.hostRoot.resolve("boot/kernel"));
        Files.createFile(host.hostRoot.resolve("boot/kernel/vmm.ko"));
        String again = host.vm("doctor").stdout();
        assertTrue(again.contains(line("WARN", "vmm", "vmm.ko is not loaded (vm loads it when root runs a command)"
                + " (fix: kldload vmm)")), again);
        assertFalse(Files.exists(host.state.resolve("kld/vmm")));
        assertTrue(Files.exists(host.state.resolve("if/tap5")));
    }

    @Test
    void jsonHasOneObjectPerLine() throws Exception {
        Files.writeString(host.rcConf, "vm_list=\"web ghost\"\n", StandardOpenOption.APPEND);
        FakeHost.Run text = host.vm("doctor");
        FakeHost.Run run = host.vm("doctor", "--json");
        assertEquals(0, run.exit(), run.stdout() + run.stderr());
        JsonNode lines = new ObjectMapper().readTree(run.stdout());
        assertEquals(text.stdout().lines().count(), lines.size());
        List<String> checks = new ArrayList<>();
        for (JsonNode line : lines) {
            checks.add(line.get("check").asText());
            String status = line.get("status").asText();
            assertTrue(List.of("PASS", "INFO", "WARN", "FAIL").contains(status), line.toString());
            assertEquals(status.equals("WARN") || status.equals("FAIL"), !line.get("fix").isNull(), line.toString());
            assertFalse(line.get("detail").asText().isEmpty());
        }
        assertTrue(checks.containsAll(List.of("vmm", "cpu", "vm_enable", "vm_dir", "vm_list", "shutdown", "guests",
                "switch", "nat", "run.lock", "/dev/vmm", "tap", "jdk", "archive")), checks.toString());
        JsonNode ghost = lines.get(checks.indexOf("vm_list"));
        assertEquals("vm_list names ghost, which is not a guest", ghost.get("detail").asText());
        assertEquals("sysrc vm_list-=ghost", ghost.get("fix").asText());
    }

    @Test
    void aUserOtherThanRootGetsTheReportWithPfLeftToRoot() throws Exception {
        Files.writeString(host.state.resolve("uid"), "1001\n");
        Files.writeString(host.vmDir.resolve(".config/system.conf"), "nat_public=\"yes\"\n", StandardOpenOption.APPEND);
        FakeHost.Run run = host.vm("doctor");
        assertEquals(0, run.exit(), run.stdout() + run.stderr());
        assertEquals("", run.stderr());
        assertTrue(run.stdout().contains(line("INFO", "nat",
                "NAT on public: pf is readable by root only; run vm doctor as root")), run.stdout());
        assertFalse(run.hostCalls().stream().anyMatch(call -> call.startsWith("'pfctl'")), run.hostCalls().toString());
        // other commands still refuse this user, which doctor does not change
        FakeHost.Run start = host.vm("start", "web");
        assertEquals(1, start.exit());
        assertTrue(start.stderr().contains("virtual machines can only be managed by root"), start.stderr());
    }

    /** Every file of the fake host (vm_dir, tool state, host root) with its size and modification time. */
    private List<String> tree() throws Exception {
        try (Stream<Path> files = Files.walk(host.root)) {
            // files only: the runs' own output files and host.log (calls.log) change the directories' times
            return files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().matches("host.log|calls.log"))
                    .filter(p -> !p.getFileName().toString().matches("(out|err).*\\.txt")).map(p -> {
                        try {
                            return host.root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().toList();
        }
    }
}
