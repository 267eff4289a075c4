package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks the "Who may read what" table: after create (ZFS and file datastores, cloud-init),
 * add, a start with swtpm and UEFI, image create and provision, rename, clone and migrate,
 * every path vm made has the table's mode, whatever the umask vm ran under; a path the table
 * does not name fails the test.
 */
class PermissionsIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-modes-"));
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

    @ParameterizedTest(name = "umask {0}")
    @ValueSource(strings = {"000", "077"})
    void everyPathHasTheTablesModeWhateverTheUmask(String umask) throws Exception {
        host.sh("fakehost-zfs-vmdir tank/vm && fakehost-remote tank/vm && mkdir files"
                + " && cp $FAKEHOST_PKG/swtpm $FAKEHOST_PKG/swtpm_ioctl host/usr/local/sbin/"
                + " && mkdir -p host/usr/local/share/uefi-firmware"
                + " && touch host/usr/local/share/uefi-firmware/BHYVE_UEFI.fd host/usr/local/share/uefi-firmware/BHYVE_UEFI_VARS.fd"
                + " && echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKey test@example' > key.pub");
        host.umask = umask;
        ok("init");
        host.sh("cp $TEMPLATES/default.conf $TEMPLATES/windows11.conf vm/.templates/");
        ok("datastore", "add", "files", host.root.resolve("files").toString());
        ok("switch", "create", "public");
        ok("create", "-s", "10M", "web");
        ok("add", "-d", "disk", "-s", "1M", "web");
        ok("create", "-t", "windows11", "-d", "files", "-C", "-k", "key.pub", "-s", "10M", "win11");
        ok("add", "-d", "disk", "-s", "1M", "win11");
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        ok("start", "win11");
        Path lockDir = host.hostRoot.resolve("var/run/vm-bhyve");
        FakeHost.await("win11 with its TPM", () -> Files.exists(host.hostRoot.resolve("dev/vmm/win11"))
                && Files.exists(host.root.resolve("files/win11/console"))
                && Files.exists(lockDir.resolve("win11.tpm")) && Files.exists(lockDir.resolve("win11.tpm.pid")));
        List<String> running = wrongModes(lockDir);
        running.addAll(wrongModes(host.root.resolve("files")));
        Files.delete(host.state.resolve("bhyve-stays-up"));
        FakeHost.Run off = host.vm("poweroff", "-f", "win11");
        assertEquals(0, off.exit(), off.stderr() + Files.readString(host.root.resolve("files/win11/vm-bhyve.log")));
        FakeHost.await("win11 to stop", () -> !Files.exists(host.root.resolve("files/win11/run.lock")));

        String uuid = ok("image", "create", "-u", "web").stdout().replaceAll("(?s).*with UUID (\\S+)\n.*", "$1");
        ok("image", "provision", uuid, "fromimage");
        ok("rename", "web", "www");
        ok("clone", "www", "www2");
        ok("migrate", "-r", "moved", "fromimage", "backup.example");

        List<String> wrong = new ArrayList<>(running);
        for (Path tree : List.of(host.vmDir, host.root.resolve("files"), lockDir, host.state.resolve("remote/vm"))) {
            wrong.addAll(wrongModes(tree));
        }
        assertEquals(List.of(), wrong);
        assertTrue(Files.isDirectory(host.root.resolve("files/win11/tpm")), "the walk saw the TPM's state");
        assertTrue(Files.isDirectory(host.state.resolve("remote/vm/moved")), "the walk saw the migrated guest");
    }

    /** Every path below TREE whose mode is not the table's, as {@code path: mode, table says mode}. */
    private List<String> wrongModes(Path tree) throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path path : walk.toList()) {
                if (path.equals(tree) || path.getParent().getFileName().toString().equals("tpm")) {
                    continue; // $vm_dir and datastores are the admin's; swtpm's own files sit in tpm/
                }
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                String expected = table(path);
                if (!mode.equals(expected)) {
                    wrong.add(path + ": " + mode + ", table says " + expected);
                }
            }
        }
        return wrong;
    }

    /** The table of DESIGN.md, README.md and vm(8), by name and place. */
    private static String table(Path path) {
        String name = path.getFileName().toString();
        String parent = path.getParent().getFileName().toString();
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (parent.equals(".cloud-init") || name.equals("seed.iso") || name.endsWith(".img") && !dir
                || name.equals("uefi-vars.fd") || name.endsWith(".zfs") || name.endsWith(".tpm")
                || name.endsWith(".ctrl") || name.endsWith(".pid")
                || name.endsWith(".run") || name.endsWith(".state") || name.endsWith(".argv")) {
            return "rw-------";
        }
        if (name.equals(".cloud-init") || name.equals("tpm")) {
            return "rwx------";
        }
        if (dir) {
            return "rwxr-xr-x";
        }
        if (name.endsWith(".conf") || name.startsWith("vm-bhyve.log") || name.equals("console") || name.equals("run.lock")
                || name.endsWith(".lock") || name.endsWith(".manifest") || name.equals("null.iso")) {
            return "rw-r--r--";
        }
        return "not in the table";
    }
}
