package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ZFS images on a fake host whose zfs keeps real data: send streams go through the real
 * {@code xz}, and provisioned guests get the source's files.
 */
class StorageIT {

    private static final Pattern CREATED = Pattern.compile("Image of web created with UUID ([0-9a-f-]{36})\n");

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-storage-"));
        host.sh("fakehost-zfs-vmdir tank/vm");
        assertEquals(0, host.vm("init").exit());
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        assertEquals(0, host.vm("create", "-s", "10M", "web").exit());
        Files.writeString(host.vmDir.resolve("web/notes"), "hello\n");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    private String createImage(String... options) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("image", "create"));
        args.addAll(List.of(options));
        args.add("web");
        FakeHost.Run run = host.vm(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.stderr());
        Matcher m = CREATED.matcher(run.stdout());
        assertTrue(m.find(), run.stdout());
        return m.group(1);
    }

    @Test
    void compressedImageRoundTrip() throws Exception {
        OptionalTools.assume("xz");
        String uuid = createImage("-d", "base system");
        String snap = uuid.split("-")[0];
        Path images = host.vmDir.resolve("images");
        assertEquals("description=\"base system\"\ncreated=\"" + readCreated(images, uuid) + "\"\nname=\"web\"\n"
                + "filename=\"" + uuid + ".zfs.z\"\ndecompress=\"xz -d\"\n",
                Files.readString(images.resolve(uuid + ".manifest")));
        assertTrue(Files.size(images.resolve(uuid + ".zfs.z")) > 0);

        String list = host.vm("image", "list").stdout();
        assertTrue(list.startsWith("UUID                                  NAME  CREATED                    DESCRIPTION\n"
                + uuid + "  web   "), list);
        assertTrue(list.endsWith("  base system\n"), list);

        FakeHost.Run provision = host.vm("image", "provision", uuid, "web2");
        assertEquals(0, provision.exit(), provision.stderr());
        assertEquals("Unpacking guest image, this may take some time...\n", provision.stdout());
        assertEquals(List.of("'zfs' 'recv' 'tank/vm/web2'", "'zfs' 'destroy' '-r' 'tank/vm/web2@" + snap + "'"),
                provision.hostCalls());
        assertEquals("hello\n", Files.readString(host.vmDir.resolve("web2/notes")));
        String conf = Files.readString(host.vmDir.resolve("web2/web2.conf"));
        assertFalse(conf.contains("uuid=") || conf.contains("network0_mac="), conf);
        assertFalse(Files.exists(host.vmDir.resolve("web2/web.conf")));
        assertFalse(Files.exists(host.vmDir.resolve("web2/vm-bhyve.log")));

        assertEquals("vm: ERROR: new guest already exists in " + host.vmDir + "/web2\n",
                host.vm("image", "provision", uuid, "web2").stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        assertEquals(0, host.vm("image", "destroy", uuid).exit());
        assertEquals(List.of(), Files.list(images).toList());
    }

    @Test
    void uncompressedImageAndBadInput() throws Exception {
        String uuid = createImage("-u");
        FakeHost.Run create = host.vm("image", "create", "-u", "web");
        assertTrue(create.stdout().startsWith("Creating guest image, this may take some time...\n"));
        assertTrue(Files.exists(host.vmDir.resolve("images/" + uuid + ".zfs")));
        assertTrue(Files.readString(host.vmDir.resolve("images/" + uuid + ".manifest")).endsWith("decompress=\"\"\n"));
        assertEquals(0, host.vm("image", "provision", uuid, "copy").exit());
        assertEquals("hello\n", Files.readString(host.vmDir.resolve("copy/notes")));

        assertEquals("vm: ERROR: unable to locate image with uuid nosuch\n", err("image", "destroy", "nosuch"));
        assertEquals("vm: ERROR: unable to locate image with uuid ../x\n", err("image", "provision", "../x", "g"));
        assertEquals("vm: ERROR: invalid virtual machine name - 'a/b'\n", err("image", "provision", uuid, "a/b"));
        assertEquals("vm: ERROR: unable to locate datastore 'nope'\n", err("image", "provision", "-d", "nope", uuid, "gg"));
        assertEquals("vm: ERROR: nosuch does not appear to be a valid virtual machine\n", err("image", "create", "nosuch"));
    }

    @Test
    void imagesNeedAZfsVmDir() throws Exception {
        FakeHost plain = new FakeHost(Files.createTempDirectory("vm-plain-"));
        FakeHost.Run run = plain.vm("image", "list");
        assertEquals(1, run.exit());
        assertEquals("vm: ERROR: $vm_dir must be a ZFS datastore to use these functions\n",
                run.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
        Replay.cleanUp(plain);
    }

    private String err(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(1, run.exit(), String.join(" ", args));
        return run.stderr().replace(FakeHost.LAUNCHER.toString(), "vm");
    }

    private static String readCreated(Path images, String uuid) throws Exception {
        String manifest = Files.readString(images.resolve(uuid + ".manifest"));
        Matcher m = Pattern.compile("created=\"([^\"]+)\"").matcher(manifest);
        assertTrue(m.find());
        assertTrue(m.group(1).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d"), m.group(1));
        return m.group(1);
    }

    @Test
    void migrateARunningGuestToAnotherHost() throws Exception {
        host.sh("fakehost-remote tank/vm");
        Path remote = host.state.resolve("remote");
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        assertEquals(0, host.vm("start", "web").exit());
        Path vmm = host.hostRoot.resolve("dev/vmm/web");
        Path procs = host.state.resolve("procs");
        for (int i = 0; i < 900 && !(Files.exists(vmm) && Files.exists(procs) && Files.size(procs) > 0); i++) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(vmm));
        String pid = Files.readString(procs).split(" ")[0];
        Files.delete(host.state.resolve("bhyve-stays-up"));

        FakeHost.Run run = host.vm("migrate", "-r", "web-new", "-n", "web", "backup.example");
        assertEquals(0, run.exit(), run.stdout() + run.stderr());
        String out = run.stdout().replaceAll("\\d{14}-", "STAMP-");
        assertEquals("Attempting to send web to backup.example\n"
                + "  * remote dataset tank/vm/web-new\n"
                + "  * source guest is powered on (#" + pid + ")\n"
                + "  * stage 1: taking snapshot STAMP-s1\n"
                + "  * stage 1: sending tank/vm/web@STAMP-s1\n"
                + "  * stage 1: snapshot sent\n"
                + "  * stage 2: attempting to stop guest\n"
                + "  * stage 2: guest powered off\n"
                + "  * stage 2: taking snapshot STAMP-s2\n"
                + "  * stage 2: sending tank/vm/web@STAMP-s2 (incremental source STAMP-s1)\n"
                + "  * stage 2: snapshot sent\n"
                + "  * renaming configuration file to web-new.conf\n"
                + "  * removing snapshots\n"
                + "  * done\n", out);
        List<String> calls = sendBeforeRecv(run.hostCalls().stream().map(c -> c.replaceAll("\\d{14}-", "STAMP-")).toList());
        assertEquals(List.of(
                "'ssh' 'backup.example' 'vm' 'migrate' '-cd' 'default'",
                "'zfs' 'snapshot' '-r' 'tank/vm/web@STAMP-s1'",
                "'zfs' 'send' '-R' 'tank/vm/web@STAMP-s1'",
                "'ssh' 'backup.example' 'zfs' 'recv' 'tank/vm/web-new'",
                "'zfs' 'snapshot' '-r' 'tank/vm/web@STAMP-s2'",
                "'zfs' 'send' '-Ri' 'STAMP-s1' 'tank/vm/web@STAMP-s2'",
                "'ssh' 'backup.example' 'zfs' 'recv' 'tank/vm/web-new'",
                "'ssh' 'backup.example' 'mount'",
                "'ssh' 'backup.example' 'zfs' 'mount' 'tank/vm/web-new'",
                "'ssh' 'backup.example' 'mv' '" + remote + "/vm/web-new/web.conf' '" + remote + "/vm/web-new/web-new.conf'",
                "'zfs' 'destroy' '-r' 'tank/vm/web@STAMP-s1'",
                "'zfs' 'destroy' '-r' 'tank/vm/web@STAMP-s2'"),
                calls.stream().filter(c -> c.startsWith("'zfs'") || c.startsWith("'ssh'")).toList());
        assertEquals("hello\n", Files.readString(remote.resolve("vm/web-new/notes")));
        assertTrue(Files.exists(remote.resolve("vm/web-new/web-new.conf")));
        assertFalse(Files.exists(remote.resolve("vm/web-new/run.lock")), "the lock travelled");
        assertTrue(Files.exists(host.vmDir.resolve("web/web.conf")), "the source is kept without -x");
    }

    @Test
    void migrationRefusesWhatItCannotMove() throws Exception {
        assertEquals("vm: ERROR: unable to locate guest - 'nosuch'\n", err("migrate", "nosuch", "h"));
        assertEquals("vm: ERROR: single stage and triple stage are mutually exclusive\n", err("migrate", "-1", "-t", "web", "h"));
        assertEquals("vm: ERROR: source snapshot must be given when running stage 2\n", err("migrate", "-2", "web", "h"));
        Files.writeString(host.vmDir.resolve("web/web.conf"), "passthru0=\"2/0/0\"\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals("vm: ERROR: migration is not supported for this guest (pci pass-through enabled)\n",
                err("migrate", "web", "h"));
        FakeHost.Run usage = host.vm("migrate", "web");
        assertEquals(1, usage.exit());
        assertTrue(usage.stdout().contains("Available subcommands"));
    }

    /** The two ends of a {@code zfs send | ssh ... zfs recv} pipe start together: either may log first. */
    private static List<String> sendBeforeRecv(List<String> calls) {
        List<String> ordered = new java.util.ArrayList<>(calls);
        for (int i = 0; i + 1 < ordered.size(); i++) {
            if (ordered.get(i).contains("'zfs' 'recv'") && ordered.get(i + 1).startsWith("'zfs' 'send'")) {
                java.util.Collections.swap(ordered, i, i + 1);
            }
        }
        return ordered;
    }
}
