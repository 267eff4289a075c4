package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The papercuts of issue 20 on the fake host: advice after renaming or destroying a guest
 * rc.conf's vm_list names, a console held by another process, vCPU counts vmm cannot give, and
 * passthru devices another running guest holds.
 */
class PapercutsIT {

    private static final String VM = FakeHost.LAUNCHER + ": ";

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-papercuts-");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    private void sysctl(String name, String value) throws Exception {
        Files.createDirectories(host.state.resolve("sysctl"));
        Files.writeString(host.state.resolve("sysctl/" + name), value + "\n");
    }

    /** Puts the settings first: the first assignment of a key is the one read. */
    private void configure(String guest, String lines) throws Exception {
        Path conf = host.vmDir.resolve(guest + "/" + guest + ".conf");
        Files.writeString(conf, lines + Files.readString(conf));
    }

    private byte[] config(String guest) throws Exception {
        return Files.readAllBytes(host.vmDir.resolve(guest + "/" + guest + ".conf"));
    }

    @Test
    void renameAndDestroyOfAListedGuestSayHowToMendVmListAndLeaveRcConfAlone() throws Exception {
        byte[] rc = Files.readAllBytes(host.rcConf);
        FakeHost.Run rename = host.vm("rename", "web", "www");
        assertEquals(0, rename.exit(), rename.stderr());
        assertEquals("", rename.stdout());
        assertEquals(VM + "WARNING: vm_list in " + host.rcConf + " still names web, so the host will not start www at boot\n"
                + VM + "WARNING: to fix it, run: sysrc -f " + host.rcConf + " vm_list-=web vm_list+=www\n", rename.stderr());
        assertTrue(Files.exists(host.vmDir.resolve("www/www.conf")));
        assertArrayEquals(rc, Files.readAllBytes(host.rcConf));

        FakeHost.Run destroy = host.vm("destroy", "-f", "db");
        assertEquals(0, destroy.exit(), destroy.stderr());
        assertEquals(VM + "WARNING: vm_list in " + host.rcConf + " still names db, which no longer exists\n"
                + VM + "WARNING: to fix it, run: sysrc -f " + host.rcConf + " vm_list-=db\n", destroy.stderr());
        assertFalse(Files.exists(host.vmDir.resolve("db")));
        assertArrayEquals(rc, Files.readAllBytes(host.rcConf));

        // a guest vm_list does not name: nothing to say
        FakeHost.Run quiet = host.vm("rename", "www", "web2");
        assertEquals(0, quiet.exit(), quiet.stderr());
        assertEquals("", quiet.stderr());
        assertEquals(0, host.vm("destroy", "-f", "web2").stderr().length());
        assertArrayEquals(rc, Files.readAllBytes(host.rcConf));
    }

    @Test
    void aHeldConsoleIsNamedAtOnceInsteadOfHandedToCu() throws Exception {
        Files.createFile(host.hostRoot.resolve("dev/vmm/web"));
        Files.writeString(host.vmDir.resolve("web/console"), "com1=/dev/nmdm-web.1B\n");
        Files.createDirectories(host.state.resolve("open"));
        Files.writeString(host.state.resolve("open/nmdm-web.1B"), "4242 cu\n");

        long fastest = Long.MAX_VALUE;
        // a loaded machine may stall one JVM start: the fastest of three answers counts
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            FakeHost.Run held = host.vm("console", "web");
            fastest = Math.min(fastest, System.nanoTime() - start);
            assertEquals(1, held.exit());
            assertEquals("", held.stdout());
            assertEquals(VM + "ERROR: console /dev/nmdm-web.1B of web is in use by cu (pid 4242, user root);"
                    + " end it with: kill 4242\n", held.stderr());
            assertEquals(List.of(), held.hostCalls());
        }
        assertTrue(fastest < 1_000_000_000L, "answered in " + fastest / 1_000_000 + " ms");

        Files.delete(host.state.resolve("open/nmdm-web.1B"));
        FakeHost.Run free = host.vm("console", "web");
        assertEquals(0, free.exit(), free.stderr());
        assertEquals(List.of("'cu' '-l' '/dev/nmdm-web.1B'"), free.hostCalls());

        // a guest that is not running keeps upstream's answer
        FakeHost.Run stopped = host.vm("console", "db");
        assertEquals(1, stopped.exit());
        assertEquals(VM + "ERROR: db doesn't appear to be a running virtual machine\n", stopped.stderr());
    }

    @Test
    void moreVcpusThanVmmAllowsAreRefusedBeforeAnythingRuns() throws Exception {
        sysctl("hw.vmm.maxcpu", "4");
        sysctl("hw.ncpu", "16");
        configure("web", "cpu=2\ncpu_sockets=2\ncpu_cores=2\ncpu_threads=2\n");
        byte[] before = config("web");
        FakeHost.Run start = host.vm("start", "web");
        assertEquals(1, start.exit(), start.stderr());
        assertEquals("Starting web\n  * found guest in " + host.vmDir + "/web\n"
                + "  ! guest needs 8 vCPUs but vmm allows at most 4 (hw.vmm.maxcpu)\n", start.stdout());
        assertEquals(List.of(), start.hostCalls());
        assertFalse(Files.exists(host.vmDir.resolve("web/run.lock")));
        assertFalse(Files.exists(host.hostRoot.resolve("dev/vmm/web")));
        assertArrayEquals(before, config("web"));

        FakeHost.Run check = host.vm("check", "web");
        assertEquals(1, check.exit());
        assertEquals("web: error: cpu: guest needs 8 vCPUs but vmm allows at most 4 (hw.vmm.maxcpu);"
                + " vm start refuses it\n", check.stdout());

        // a host without hw.vmm.maxcpu is held to its CPU count; -f refuses alike
        Files.delete(host.state.resolve("sysctl/hw.vmm.maxcpu"));
        Files.writeString(host.state.resolve("sysctl-unknown"), "hw.vmm.maxcpu\n");
        sysctl("hw.ncpu", "2");
        FakeHost.Run foreground = host.vm("start", "-f", "db");
        assertFalse(foreground.stdout().contains("!"), "db has 1 vCPU: " + foreground.stdout());
        assertTrue(foreground.hostCalls().stream().anyMatch(call -> call.startsWith("'bhyve' ")));
        FakeHost.Run refused = host.vm("start", "-f", "web");
        assertEquals(1, refused.exit());
        assertTrue(refused.stdout().endsWith("  ! guest needs 8 vCPUs but vmm allows at most 2 (hw.ncpu)\n"),
                refused.stdout());
        assertEquals(List.of(), refused.hostCalls());
    }

    @Test
    void memoryBeyondThePhysicalIsAWarningNotARefusal() throws Exception {
        sysctl("hw.physmem", "1073741824");
        configure("web", "memory=2G\n");
        FakeHost.Run check = host.vm("check", "web");
        assertEquals(0, check.exit(), check.stdout());
        assertEquals("web: warning: memory: memory 2G is more than the host's physical memory (1.0G, hw.physmem)\n",
                check.stdout());

        FakeHost.Run start = host.vm("start", "-f", "web");
        assertEquals(VM + "WARNING: memory 2G is more than the host's physical memory (1.0G, hw.physmem)\n",
                start.stderr());
        assertTrue(start.hostCalls().stream().anyMatch(call -> call.startsWith("'bhyve' ")), start.hostCalls().toString());
    }

    @Test
    void passthruShowsItsGuestsAndAHeldDeviceRefusesTheSecondGuest() throws Exception {
        Files.writeString(host.state.resolve("pciconf-lv"), """
                ppt0@pci0:3:0:0:\tclass=0x020000 rev=0x01 hdr=0x00 vendor=0x8086 device=0x10d3
                em0@pci0:2:0:0:\tclass=0x020000 rev=0x02 hdr=0x00 vendor=0x8086 device=0x100e
                """);
        configure("web", "passthru0=\"3/0/0\"\n");
        configure("db", "passthru0=\"3/0/0=7:0\"\n");
        // web runs: its bhyve in the fake process table (only pgrep reads it here)
        Files.writeString(host.state.resolve("procs"), "999999 bhyve: web\n");
        try {
            FakeHost.Run table = host.vm("passthru");
            assertEquals("DEVICE     BHYVE ID     READY        DESCRIPTION\n"
                    + "ppt0       3/0/0        Yes          -\n"
                    + "em0        2/0/0        No           -\n", table.stdout());

            JsonNode json = new ObjectMapper().readTree(host.vm("passthru", "--json").stdout());
            assertEquals("ppt0", json.get(0).get("device").asText());
            assertEquals(List.of("db", "web"), List.of(json.get(0).get("guests").get(0).asText(),
                    json.get(0).get("guests").get(1).asText()));
            assertEquals(2, json.get(0).get("guests").size());
            assertEquals("web", json.get(0).get("running").asText());
            assertEquals(0, json.get(1).get("guests").size());
            assertTrue(json.get(1).get("running").isNull());

            byte[] before = config("db");
            FakeHost.Run start = host.vm("start", "db");
            assertEquals(1, start.exit(), start.stderr());
            assertTrue(start.stdout().endsWith("  ! passthru device 3/0/0 is in use by running guest web\n"),
                    start.stdout());
            assertEquals(List.of(), start.hostCalls());
            assertFalse(Files.exists(host.vmDir.resolve("db/run.lock")));
            assertArrayEquals(before, config("db"));
        } finally {
            Files.delete(host.state.resolve("procs"));
        }
    }
}
