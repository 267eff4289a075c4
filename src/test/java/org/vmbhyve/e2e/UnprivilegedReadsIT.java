package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every read-only command works for a real unprivileged user (nobody, see {@link Unprivileged})
 * and says what it says to root: on guests our vm created and one laid out by hand as
 * vm-bhyve makes them, one running, on a file and on a ZFS datastore. A guest the user cannot
 * read is listed with a warning that names it.
 */
class UnprivilegedReadsIT {

    /** A guest as upstream's vm create leaves it: 0755 directory, 0644 config. */
    static final String UPSTREAM_CONF = """
            loader="bhyveload"
            cpu=1
            memory=256M
            network0_type="virtio-net"
            network0_switch="public"
            disk0_type="virtio-blk"
            disk0_name="disk0.img"
            uuid="0b7c4d62-6c1f-11ee-8c99-0242ac120002"
            network0_mac="58:9c:fc:00:00:01"
            """;

    static final String SECRET = "s3cret-vnc";

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        Unprivileged.assumePossible();
        host = new FakeHost(Files.createTempDirectory("vm-unprivileged-"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (host != null) {
            Unprivileged.endGuests(host);
            Replay.cleanUp(host);
        }
    }

    /** Guests web (stopped) and db (running) made by our vm, old made by hand as upstream's. */
    static void populate(FakeHost host, boolean zfs) throws Exception {
        if (zfs) {
            host.sh("fakehost-zfs-vmdir tank/vm");
        }
        ok(host, "init");
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        ok(host, "switch", "create", "-a", "192.0.2.1/24", "public");
        ok(host, "create", "-s", "10M", "web");
        ok(host, "create", "-s", "10M", "db");
        ok(host, "tags", "add", "web", "prod");
        if (zfs) {
            host.sh("zfs create tank/vm/old");
            ok(host, "image", "create", "-u", "-d", "base", "web");
        } else {
            Files.createDirectory(host.vmDir.resolve("old"));
        }
        Path old = host.vmDir.resolve("old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(old.resolve("old.conf"), UPSTREAM_CONF);
        Files.setPosixFilePermissions(old.resolve("old.conf"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(host.vmDir.resolve(".iso/FreeBSD-14.iso"), "12345");
        // db shows its console on VNC, behind a password no read-only output or log may show
        host.sh("mkdir -p host/usr/local/share/uefi-firmware && touch host/usr/local/share/uefi-firmware/BHYVE_UEFI.fd");
        Path db = host.vmDir.resolve("db/db.conf");
        Files.writeString(db, Files.readString(db).replace("loader=\"bhyveload\"", "loader=\"uefi\"")
                + "graphics=\"yes\"\nvnc_password=\"" + SECRET + "\"\n");
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        ok(host, "start", "db");
        FakeHost.await("db running", () -> Files.exists(host.hostRoot.resolve("dev/vmm/db"))
                && host.vmDir.resolve("db/console").toFile().exists());
        // bhyve itself is given the password: only the log hides it
        assertTrue(host.hostLog().stream().anyMatch(call -> call.startsWith("'bhyve' ")
                && call.contains(",password=" + SECRET)), String.join("\n", host.hostLog()));
    }

    static FakeHost.Run ok(FakeHost host, String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.stderr());
        return run;
    }

    /** The read-only command lines: all of them, with and without {@code --json}. */
    static List<List<String>> readOnlyCommands(boolean zfs) {
        List<List<String>> commands = new ArrayList<>(List.of(
                List.of("list"), List.of("list", "-v"), List.of("list", "--json"),
                List.of("info"), List.of("info", "web"), List.of("info", "db"), List.of("info", "old"),
                List.of("info", "--json", "web", "db", "old"),
                List.of("get", "all"), List.of("get", "--json", "all"),
                List.of("switch", "list"), List.of("switch", "list", "--json"),
                List.of("switch", "info"), List.of("switch", "info", "public"),
                List.of("switch", "info", "--json", "public"),
                List.of("datastore", "list"), List.of("datastore", "list", "--json"),
                List.of("iso"), List.of("img"), List.of("tags", "list", "web"), List.of("tags", "list"),
                List.of("check"), List.of("check", "web"), List.of("check", "--json")));
        if (zfs) {
            commands.add(List.of("image", "list"));
            commands.add(List.of("image", "list", "--json"));
        }
        return commands;
    }

    @ParameterizedTest(name = "zfs={0}")
    @ValueSource(booleans = {false, true})
    void everyReadOnlyCommandSaysToNobodyWhatItSaysToRoot(boolean zfs) throws Exception {
        populate(host, zfs);
        for (List<String> command : readOnlyCommands(zfs)) {
            String[] args = command.toArray(String[]::new);
            FakeHost.Run root = steady(host.vm(args));
            FakeHost.Run nobody = steady(launcherNamed(host.vmAsNobody(args)));

            assertEquals(root, nobody, "vm " + String.join(" ", command));
            assertFalse((root.stdout() + root.stderr()).contains(SECRET), "vm " + String.join(" ", command));
        }
        String log = Files.readString(host.vmDir.resolve("db/vm-bhyve.log"));
        assertTrue(log.contains(",password=(hidden)"), log);
        assertFalse(log.contains(SECRET), log);
    }

    @ParameterizedTest(name = "zfs={0}")
    @ValueSource(booleans = {false, true})
    void doctorRunsForNobodyAndReportsWhatOnlyRootMayCheck(boolean zfs) throws Exception {
        populate(host, zfs);

        FakeHost.Run doctor = host.vmAsNobody("doctor");
        FakeHost.Run json = host.vmAsNobody("doctor", "--json");

        assertTrue(doctor.stdout().contains("vm_dir"), doctor.stdout());
        assertEquals("", doctor.stderr());
        assertTrue(json.stdout().startsWith("{") || json.stdout().startsWith("["), json.stdout());
        assertEquals(doctor.exit(), json.exit());
        // queries only: listings of interfaces and datasets
        for (String call : doctor.hostCalls()) {
            assertTrue(call.matches("'ifconfig'( '-g')?( '[^' ]+')?|'zfs' 'list' .*"), call);
        }
    }

    @ParameterizedTest(name = "zfs={0}")
    @ValueSource(booleans = {false, true})
    void aGuestNobodyCannotReadIsListedWithAWarningNamingIt(boolean zfs) throws Exception {
        populate(host, zfs);
        Files.setPosixFilePermissions(host.vmDir.resolve("web"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(host.vmDir.resolve("old/old.conf"), PosixFilePermissions.fromString("rw-------"));

        FakeHost.Run list = host.vmAsNobody("list");

        assertEquals(0, list.exit());
        List<String> rows = list.stdout().lines().toList();
        assertEquals(List.of("db", "default", "uefi", "1", "256M", "0.0.0.0:5900", "No", "Running"),
                List.of(rows.get(1).split(" +")).subList(0, 8));
        assertEquals(List.of("old", "default", "-", "-", "-", "-", "No", "Stopped", "-"), List.of(rows.get(2).split(" +")));
        assertEquals(List.of("web", "default", "-", "-", "-", "-", "No", "Stopped", "-"), List.of(rows.get(3).split(" +")));
        assertEquals("""
                %1$s: WARNING: unable to read virtual machine old (permission denied on %2$s/old/old.conf)
                %1$s: WARNING: unable to read virtual machine web (permission denied on %2$s/web)
                """.formatted(FakeHost.LAUNCHER, host.vmDir), launcherNamed(list).stderr());

        FakeHost.Run info = launcherNamed(host.vmAsNobody("info", "web"));

        assertEquals(List.of("1", "", FakeHost.LAUNCHER + ": ERROR: unable to read virtual machine web"
                + " (permission denied on " + host.vmDir.resolve("web") + ")\n"),
                List.of(String.valueOf(info.exit()), info.stdout(), info.stderr()));
    }

    /** The run with its digits masked: a running guest's CPU use and uptime move between two runs. */
    private static FakeHost.Run steady(FakeHost.Run run) {
        return new FakeHost.Run(run.exit(), run.stdout().replaceAll("[0-9]+", "N"), run.stderr(), run.hostCalls());
    }

    /** Messages name the launcher run ({@code $0}); the unprivileged run's is the public copy's. */
    private static FakeHost.Run launcherNamed(FakeHost.Run run) throws Exception {
        String copy = Unprivileged.launcher().toString();
        String ours = FakeHost.LAUNCHER.toString();
        return new FakeHost.Run(run.exit(), run.stdout().replace(copy, ours), run.stderr().replace(copy, ours),
                run.hostCalls());
    }
}
