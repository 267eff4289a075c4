package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vmbhyve.config.ConfigValues;

/**
 * Commands racing each other, and processes killed at any moment, on the fake host: one guest
 * gets one supervisor, no config edit is lost, a create of one name happens once, and a kill -9
 * leaves every config whole.
 */
class ConcurrencyIT {

    private static final int RACERS = 20;

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-race-");
    }

    @AfterEach
    void tearDown() throws Exception {
        host.endStubGuests();
        // the supervisors clean up after their bhyve before the tree can go
        await("the supervisors to finish", () -> !Files.exists(host.vmDir.resolve("web/run.lock"))
                && !Files.exists(host.vmDir.resolve("db/run.lock")));
        Replay.cleanUp(host);
    }

    private List<FakeHost.Run> race(int count, String... args) throws Exception {
        List<FakeHost.Spawned> spawned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spawned.add(host.spawn(args));
        }
        List<FakeHost.Run> runs = new ArrayList<>();
        for (FakeHost.Spawned s : spawned) {
            runs.add(s.finish());
        }
        return runs;
    }

    private long calls(String tool, String guest) throws Exception {
        return host.hostLog().stream().filter(l -> l.startsWith("'" + tool + "' ") && l.endsWith(" '" + guest + "'")).count();
    }

    private ConfigValues config(String guest) {
        return ConfigValues.load(host.vmDir.resolve(guest).resolve(guest + ".conf"));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        FakeHost.await(what, condition);
    }

    @Test
    void ofTwentyStartsOfOneGuestOneBootsItAndTheOthersAreRefused() throws Exception {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        host.sh("true"); // clears the host log
        List<FakeHost.Run> runs = race(RACERS, "start", "web");

        long booted = runs.stream().filter(r -> r.exit() == 0 && r.stdout().endsWith("  * booting...\n")).count();
        long refused = runs.stream().filter(r -> r.exit() == 1
                && r.stdout().endsWith("  ! guest appears to be running already\n")).count();
        assertEquals(1, booted, runs.toString());
        assertEquals(RACERS - 1, refused, runs.toString());
        assertTrue(runs.stream().allMatch(r -> r.stderr().isEmpty()), runs.toString());

        await("bhyve to run", () -> Files.exists(host.hostRoot.resolve("dev/vmm/web")));
        await("the lock", () -> Files.exists(host.vmDir.resolve("web/run.lock")));
        assertEquals(1, calls("bhyveload", "web"), host.hostLog().toString());
        assertEquals(1, calls("bhyve", "web"), host.hostLog().toString());
        assertEquals(1, Files.readAllLines(host.state.resolve("procs")).size());
    }

    @Test
    void aStartRacingStartallBootsEachGuestOnce() throws Exception {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        host.sh("true");
        List<FakeHost.Spawned> spawned = List.of(host.spawn("startall"), host.spawn("start", "web"),
                host.spawn("start", "db"));
        for (FakeHost.Spawned s : spawned) {
            s.finish();
        }
        await("both guests to run", () -> Files.exists(host.hostRoot.resolve("dev/vmm/web"))
                && Files.exists(host.hostRoot.resolve("dev/vmm/db")));
        await("both locks", () -> Files.exists(host.vmDir.resolve("web/run.lock"))
                && Files.exists(host.vmDir.resolve("db/run.lock")));
        for (String guest : List.of("web", "db")) {
            assertEquals(1, calls("bhyveload", guest), host.hostLog().toString());
            assertEquals(1, calls("bhyve", guest), host.hostLog().toString());
        }
    }

    @Test
    void twentyParallelNicAddsAreAllKept() throws Exception {
        List<FakeHost.Run> runs = race(RACERS, "add", "-d", "network", "-s", "public", "web");
        assertTrue(runs.stream().allMatch(r -> r.exit() == 0 && r.stderr().isEmpty()), runs.toString());
        ConfigValues config = config("web");
        for (int n = 0; n <= RACERS; n++) {
            assertEquals("public", config.value("network" + n + "_switch"), "network" + n);
        }
        assertEquals("", config.value("network" + (RACERS + 1) + "_type"));
    }

    @Test
    void twentyParallelTagAddsAreAllKept() throws Exception {
        List<FakeHost.Spawned> spawned = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            spawned.add(host.spawn("tags", "add", "web", "t" + i));
        }
        for (FakeHost.Spawned s : spawned) {
            FakeHost.Run run = s.finish();
            assertEquals(0, run.exit(), run.stderr());
        }
        Set<String> tags = Set.of(config("web").value("tags").split(" "));
        for (int i = 0; i < RACERS; i++) {
            assertTrue(tags.contains("t" + i), "t" + i + " lost: " + tags);
        }
    }

    @Test
    void parallelSwitchAndDatastoreEditsAreAllKept() throws Exception {
        Files.createDirectories(host.root.resolve("isos"));
        for (int i = 0; i < 8; i++) {
            host.sh("ifconfig bridge create name bridge" + (10 + i));
        }
        List<FakeHost.Spawned> spawned = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            spawned.add(host.spawn("switch", "create", "-t", "manual", "-b", "bridge" + (10 + i), "sw" + i));
            spawned.add(host.spawn("datastore", "iso", "iso" + i, host.root.resolve("isos").toString()));
        }
        for (FakeHost.Spawned s : spawned) {
            FakeHost.Run run = s.finish();
            assertEquals(0, run.exit(), run.stderr());
        }
        ConfigValues system = ConfigValues.load(host.vmDir.resolve(".config/system.conf"));
        Set<String> switches = Set.of(system.value("switch_list").split(" "));
        Set<String> stores = Set.of(system.value("datastore_list").split(" "));
        for (int i = 0; i < 8; i++) {
            assertTrue(switches.contains("sw" + i), switches.toString());
            assertEquals("bridge" + (10 + i), system.value("bridge_sw" + i));
            assertTrue(stores.contains("iso" + i), stores.toString());
        }
    }

    @Test
    void parallelCreatesOfOneNameMakeItOnceAndOfManyNamesMakeAll() throws Exception {
        List<FakeHost.Run> same = race(10, "create", "-s", "1G", "twin");
        assertEquals(1, same.stream().filter(r -> r.exit() == 0).count(), same.toString());
        for (FakeHost.Run r : same) {
            if (r.exit() != 0) {
                assertEquals("vm: ERROR: virtual machine already exists in " + host.vmDir + "/twin\n",
                        r.stderr().replaceFirst("^\\S+: ERROR:", "vm: ERROR:"));
            }
        }
        try (Stream<Path> entries = Files.list(host.vmDir)) {
            assertEquals(List.of(), entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".twin")).toList(), "staging left behind");
        }
        assertTrue(Files.exists(host.vmDir.resolve("twin/twin.conf")));

        List<FakeHost.Spawned> spawned = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            spawned.add(host.spawn("create", "-s", "1G", "g" + i));
        }
        for (FakeHost.Spawned s : spawned) {
            FakeHost.Run run = s.finish();
            assertEquals(0, run.exit(), run.stderr());
        }
        for (int i = 0; i < 10; i++) {
            assertTrue(Files.exists(host.vmDir.resolve("g" + i + "/g" + i + ".conf")), "g" + i);
        }
    }

    @Test
    void destroyAndRenameRacingAStartAreRefusedOrWholeNeverHalfDone() throws Exception {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        FakeHost.Spawned start = host.spawn("start", "web");
        FakeHost.Spawned destroy = host.spawn("destroy", "-f", "web");
        FakeHost.Spawned rename = host.spawn("rename", "web", "www");
        FakeHost.Run started = start.finish();
        FakeHost.Run destroyed = destroy.finish();
        FakeHost.Run renamed = rename.finish();

        boolean web = Files.exists(host.vmDir.resolve("web/web.conf"));
        boolean www = Files.exists(host.vmDir.resolve("www/www.conf"));
        if (started.exit() == 0) {
            // it booted: the guest is whole under its name, and neither command touched it
            await("the lock", () -> Files.exists(host.vmDir.resolve("web/run.lock")));
            assertTrue(web && !www, "web " + web + ", www " + www);
            assertEquals(1, destroyed.exit(), destroyed.toString());
            assertEquals(1, renamed.exit(), renamed.toString());
            assertTrue(destroyed.stderr().contains("web appears to be running"), destroyed.stderr());
        } else {
            // the guest went first: gone or renamed whole, and nothing boots
            assertFalse(web && www);
            assertTrue(destroyed.exit() == 0 || renamed.exit() == 0, destroyed + " " + renamed);
            assertFalse(Files.exists(host.hostRoot.resolve("dev/vmm/web")));
        }
    }

    @Test
    void killedWritersLeaveEveryConfigWhole() throws Exception {
        Path conf = host.vmDir.resolve("web/web.conf");
        String original = Files.readString(conf);
        Set<String> allowed = new HashSet<>(Set.of(original,
                original + "tags=\"" + ConfigWriterLoop.FIRST + "\"\n",
                original + "tags=\"" + ConfigWriterLoop.SECOND + "\"\n"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Random random = new Random(42);
        int caughtMidWrite = 0;
        for (int kill = 0; kill < 200; kill++) {
            Process writer = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
                    "-cp", System.getProperty("java.class.path"), ConfigWriterLoop.class.getName(),
                    "web", conf.toString(), host.hostRoot.resolve("var/run/vm-bhyve/web.lock").toString())
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", out.readLine());
            Thread.sleep(20 + random.nextInt(100));
            writer.destroyForcibly();
            writer.waitFor();
            String text = Files.readString(conf);
            assertTrue(allowed.contains(text), "kill " + kill + " left:\n" + text);
            try (Stream<Path> files = Files.list(conf.getParent())) {
                if (files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp"))) {
                    caughtMidWrite++;
                }
            }
            ConfigValues.parse(text);
        }
        System.out.println("kill -9 loop: 200 kills, " + caughtMidWrite + " between a temporary file and its rename");
        assertTrue(caughtMidWrite > 0, "no kill landed inside a write");
        // the kernel dropped every killed writer's lock: a command edits the file at once
        FakeHost.Run tag = host.vm("tags", "add", "web", "after");
        assertEquals(0, tag.exit(), tag.stderr());
        assertTrue(config("web").value("tags").contains("after"));
        try (Stream<Path> files = Files.list(conf.getParent())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList(),
                    "the next write sweeps up what killed writers left");
        }
    }

    @Test
    void aCommandWaitsABoundedTimeForAStuckLockHolder() throws Exception {
        Path lock = host.hostRoot.resolve("var/run/vm-bhyve/web.lock");
        Files.createDirectories(lock.getParent());
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock held = channel.lock(0, 1, false)) {
            FakeHost.Run start = host.vm("start", "web");
            assertEquals(1, start.exit());
            assertTrue(start.stdout().endsWith("  ! unable to lock web: another vm command has held it for 30 seconds\n"),
                    start.stdout());
            assertFalse(Files.exists(host.vmDir.resolve("web/run.lock")));
        }
    }

    @Test
    void readOnlyCommandsTakeNoLock() throws Exception {
        Path guestLock = host.hostRoot.resolve("var/run/vm-bhyve/web.lock");
        Path systemLock = host.hostRoot.resolve("var/run/vm-bhyve/.system.conf.lock");
        Files.createDirectories(guestLock.getParent());
        try (FileChannel guest = FileChannel.open(guestLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileChannel system = FileChannel.open(systemLock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock all = guest.lock(0, Long.MAX_VALUE, false);
             FileLock sys = system.lock(0, Long.MAX_VALUE, false)) {
            for (String[] command : List.of(new String[] {"list"}, new String[] {"info", "web"},
                    new String[] {"get", "all"}, new String[] {"switch", "list"}, new String[] {"tags", "list", "web"},
                    new String[] {"_complete", "1", "start", ""})) {
                // a command that wanted one of these locks would end in "unable to lock"
                FakeHost.Run run = host.vm(command);
                assertEquals(0, run.exit(), String.join(" ", command) + ": " + run.stderr());
                assertEquals("", run.stderr(), String.join(" ", command));
            }
        }
    }
}
