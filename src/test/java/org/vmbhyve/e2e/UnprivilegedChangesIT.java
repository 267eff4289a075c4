package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command that changes something is refused to a real unprivileged user up front, with
 * upstream's message and status, before any host tool runs: nothing in {@code $vm_dir} or the
 * host's state changes.
 */
class UnprivilegedChangesIT {

    /** Every changing command line, each with arguments that would succeed for root. */
    static final List<List<String>> CHANGES = List.of(
            List.of("init"), List.of("create", "-s", "10M", "new"), List.of("destroy", "-f", "web"),
            List.of("rename", "web", "www"), List.of("install", "web", "FreeBSD-14.iso"),
            List.of("start", "web"), List.of("stop", "db"), List.of("restart", "db"), List.of("reset", "-f", "db"),
            List.of("poweroff", "-f", "db"), List.of("startall"), List.of("stopall"), List.of("suspend", "db"),
            List.of("add", "-d", "disk", "-s", "1M", "web"), List.of("add", "-d", "network", "-s", "public", "web"),
            List.of("set", "console=tmux"), List.of("clone", "web", "web2"), List.of("snapshot", "web"),
            List.of("rollback", "web@s1"), List.of("tags", "add", "web", "x"), List.of("tags", "remove", "web", "prod"),
            List.of("iso", "http://192.0.2.1/a.iso"), List.of("img", "http://192.0.2.1/a.img"),
            List.of("switch", "create", "lab"), List.of("switch", "destroy", "public"),
            List.of("switch", "add", "public", "em0"), List.of("switch", "address", "public", "192.0.2.9/24"),
            List.of("switch", "nat", "public", "on"), List.of("switch", "vlan", "public", "5"),
            List.of("datastore", "add", "more", "/tmp"), List.of("datastore", "remove", "default"),
            List.of("image", "create", "web"), List.of("image", "destroy", "x"), List.of("migrate", "db", "other"),
            List.of("_run", "web"));

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

    @ParameterizedTest(name = "zfs={0}")
    @ValueSource(booleans = {false, true})
    void everyChangeIsRefusedUpFrontAndNothingIsWritten(boolean zfs) throws Exception {
        UnprivilegedReadsIT.populate(host, zfs);
        host.vmAsNobody("list");
        List<String> before = snapshot();

        for (List<String> command : CHANGES) {
            FakeHost.Run run = host.vmAsNobody(command.toArray(String[]::new));

            assertEquals(new FakeHost.Run(1, "", Unprivileged.launcher()
                    + ": ERROR: virtual machines can only be managed by root\n", List.of()), run,
                    "vm " + String.join(" ", command));
        }
        assertEquals(before, snapshot());
    }

    /** Every path under $vm_dir and the host's state with its mode, and a file's time and content; the call log left out. */
    private List<String> snapshot() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path tree : List.of(host.vmDir, host.state, host.hostRoot)) {
            try (Stream<Path> walk = Files.walk(tree)) {
                for (Path p : walk.sorted().toList()) {
                    if (p.getFileName().toString().equals("host.log") || Files.isSymbolicLink(p)) {
                        continue;
                    }
                    String line = p + " " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                    if (Files.isRegularFile(p)) {
                        // a directory's time moves with the call log; a file's only when it is written
                        line += " " + Files.getLastModifiedTime(p) + " " + Arrays.hashCode(Files.readAllBytes(p));
                    }
                    lines.add(line);
                }
            }
        }
        return lines;
    }
}
