package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud images and cloud-init with the real Linux tools: qemu-img writes and grows the disk,
 * and the seed ISO (xorriso standing in for FreeBSD's makefs) is read back with osirrox.
 * Skipped where those tools are missing (.ci/run installs them).
 */
class MediaIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-media-"));
        assertEquals(0, host.vm("init").exit());
        host.sh("cp $TEMPLATES/linux.conf $TEMPLATES/default.conf vm/.templates/");
        Path firmware = host.hostRoot.resolve("usr/local/share/uefi-firmware/BHYVE_UEFI.fd");
        Files.createDirectories(firmware.getParent());
        Files.writeString(firmware, "");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    private static String run(Path dir, String... argv) throws Exception {
        Process process = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), String.join(" ", argv) + "\n" + out);
        return out;
    }

    @Test
    void aCloudImageIsWrittenToDiskZeroAndGrown() throws Exception {
        OptionalTools.assume("qemu-img");
        Path img = host.vmDir.resolve(".img/tiny.qcow2");
        run(host.root, "qemu-img", "create", "-q", "-f", "qcow2", img.toString(), "64M");
        FakeHost.Run create = host.vm("create", "-t", "linux", "-i", "tiny.qcow2", "-s", "2G", "cloud1");
        assertEquals(0, create.exit(), create.stderr());
        Path disk = host.vmDir.resolve("cloud1/disk0.img");
        assertEquals(2L << 30, Files.size(disk));
        assertTrue(run(host.root, "qemu-img", "info", disk.toString()).contains("file format: raw"));

        FakeHost.Run missing = host.vm("create", "-t", "linux", "-i", "nosuch.qcow2", "cloud2");
        assertEquals(1, missing.exit());
        assertEquals("vm: ERROR: unable to locate img file - 'nosuch.qcow2'\n",
                missing.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        assertFalse(Files.exists(host.vmDir.resolve("cloud2")), "a failed create left a guest behind");
    }

    @Test
    void theSeedIsoIsMadeAtFirstBootWithVolumeCidata() throws Exception {
        OptionalTools.assume("xorriso", "osirrox");
        Path key = host.root.resolve("id.pub");
        Files.writeString(key, "ssh-ed25519 AAAA admin@example\n");
        FakeHost.Run create = host.vm("create", "-t", "linux", "-s", "1G", "-C", "-k", key.toString(),
                "-n", "ip=192.0.2.20/24;gateway4=192.0.2.1;nameservers=192.0.2.53", "ci1");
        assertEquals(0, create.exit(), create.stderr());
        Path guest = host.vmDir.resolve("ci1");
        assertFalse(Files.exists(guest.resolve("seed.iso")), "upstream makes the seed at the first start");

        FakeHost.Run start = host.vm("start", "-f", "ci1");
        assertEquals(1, start.exit(), start.stderr());
        Path seed = guest.resolve("seed.iso");
        assertTrue(Files.exists(seed));
        String bhyve = start.hostCalls().stream().filter(c -> c.startsWith("'bhyve'")).findFirst().orElseThrow();
        assertTrue(bhyve.contains("'0:5:0,ahci-cd," + seed + "'"), bhyve);
        assertTrue(Files.readString(guest.resolve("vm-bhyve.log")).contains("created " + seed + " for cloud-init\n"));

        assertTrue(run(host.root, "xorriso", "-indev", seed.toString(), "-pvd_info").contains("Volume Id    : cidata"));
        Path extracted = host.root.resolve("extracted");
        run(host.root, "osirrox", "-indev", seed.toString(), "-extract", "/", extracted.toString());
        for (String file : List.of("meta-data", "user-data", "network-config")) {
            assertEquals(Files.readString(guest.resolve(".cloud-init/" + file)), Files.readString(extracted.resolve(file)), file);
        }
        // the seed is made once: a second start keeps it
        long made = Files.getLastModifiedTime(seed).toMillis();
        host.vm("start", "-f", "ci1");
        assertEquals(made, Files.getLastModifiedTime(seed).toMillis());
    }

    /**
     * Unpacking runs the libraries kept off the launcher's class path (xz, commons-compress)
     * through host.Libraries' own class loader; the files are made by the real xz and tar.
     */
    @Test
    void downloadsAreUnpackedThroughTheLibrariesBesideTheJar() throws Exception {
        OptionalTools.assume("xz", "tar");
        Path made = Files.createDirectories(host.root.resolve("made"));
        Files.writeString(made.resolve("tiny.iso"), "an installer\n");
        run(made, "xz", "tiny.iso");
        Files.createDirectories(made.resolve("seed/meta"));
        Files.writeString(made.resolve("seed/meta/user-data"), "#cloud-config\n");
        run(made, "tar", "-czf", "seed.tar.gz", "-C", "seed", ".");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = made.resolve(exchange.getRequestURI().getPath().substring(1));
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            FakeHost.Run iso = host.vm("iso", base + "tiny.iso.xz");
            assertEquals(0, iso.exit(), iso.stderr());
            assertEquals("an installer\n", Files.readString(host.vmDir.resolve(".iso/tiny.iso")));
            assertFalse(Files.exists(host.vmDir.resolve(".iso/tiny.iso.xz")));

            // vm img, even to list, wants qemu-img first, as upstream
            OptionalTools.assume("qemu-img");
            FakeHost.Run img = host.vm("img", base + "seed.tar.gz");
            assertEquals(0, img.exit(), img.stderr());
            assertEquals("#cloud-config\n", Files.readString(host.vmDir.resolve(".img/meta/user-data")));
            assertFalse(Files.exists(host.vmDir.resolve(".img/seed.tar.gz")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void badCloudInitInputIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertEquals("vm: ERROR: can't read file with public key (nokey.pub)\n",
                refused("create", "-C", "-k", "nokey.pub", "bad1"));
        assertEquals("vm: ERROR: invalid netconfig option - 'gateway'\n",
                refused("create", "-C", "-n", "ip=192.0.2.20/24;gateway=192.0.2.1", "bad2"));
        assertEquals("vm: ERROR: cloud-init is required for injecting public key. Use -C to enable it.\n",
                refused("create", "-k", "nokey.pub", "bad3"));
        try (Stream<Path> entries = Files.list(host.vmDir)) {
            assertEquals(List.of(), entries.filter(p -> p.getFileName().toString().startsWith("bad")).toList());
        }
    }

    private String refused(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(1, run.exit(), String.join(" ", args));
        return run.stderr().replace(FakeHost.LAUNCHER.toString(), "vm");
    }
}
