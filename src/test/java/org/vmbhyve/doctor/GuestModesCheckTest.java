package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guests an earlier version made private (directory 0700, config 0600): found, and the chmod printed, not run. */
class GuestModesCheckTest {

    private static final String GUEST = "loader=\"bhyveload\"\ncpu=1\nmemory=256M\n";

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
        host.guest("db", GUEST).guest("old", GUEST).guest("web", GUEST);
        for (String name : List.of("db", "old", "web")) {
            mode(host.vmDir.resolve(name), "rwxr-xr-x");
            mode(host.vmDir.resolve(name + "/" + name + ".conf"), "rw-r--r--");
        }
    }

    private static void mode(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    @Test
    void guestsEveryUserCanReadPass() {
        assertEquals(List.of(Diagnosis.pass("modes", "every guest directory and config readable by all users")),
                host.run(new GuestModesCheck()));
    }

    @Test
    void aPrivateDirectoryOrConfigIsReportedWithTheChmodThatOpensItAndLeftAsItIs() throws IOException {
        Path web = host.vmDir.resolve("web");
        Path oldConf = host.vmDir.resolve("old/old.conf");
        mode(web, "rwx------");
        mode(oldConf, "rw-------");

        assertEquals(List.of(
                Diagnosis.warn("modes", "old: config mode 0600 hides the guest from non-root users"
                        + " (keep it if it holds a password)", "chmod 0644 " + oldConf),
                Diagnosis.warn("modes", "web: directory mode 0700 hides the guest from non-root users",
                        "chmod 0755 " + web)), host.run(new GuestModesCheck()));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(web)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(oldConf)));
    }
}
