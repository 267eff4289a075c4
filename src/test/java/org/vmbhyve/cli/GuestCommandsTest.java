package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guest management on disk: create, rename, add, destroy, tags, datastores (listings: {@link GuestListingsTest}). */
class GuestCommandsTest {

    private static final String DEFAULT_TEMPLATE = """
            loader="bhyveload"
            cpu=1
            memory=256M
            network0_type="virtio-net"
            network0_switch="public"
            disk0_type="virtio-blk"
            disk0_name="disk0.img"
            """;

    @TempDir
    Path root;
    TestVm vm;

    @BeforeEach
    void setUp() throws Exception {
        vm = withDefaultTemplate(root);
    }

    /** A host in ROOT whose default template gives a guest one NIC and one disk. */
    static TestVm withDefaultTemplate(Path root) throws Exception {
        TestVm vm = new TestVm(root);
        Files.createDirectories(vm.vmDir.resolve(".templates"));
        Files.writeString(vm.vmDir.resolve(".templates/default.conf"), DEFAULT_TEMPLATE);
        return vm;
    }

    private List<String> entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createWritesTemplateUuidMacAndDisk() throws Exception {
        TestVm.Result r = vm.vm("create", "-c", "2", "-m", "1G", "-s", "5G", "web1");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out() + r.err());
        String conf = vm.conf("web1");
        assertTrue(conf.matches("""
                loader="bhyveload"
                cpu="2"
                memory="1G"
                network0_type="virtio-net"
                network0_switch="public"
                disk0_type="virtio-blk"
                disk0_name="disk0.img"
                uuid="[0-9a-f-]{36}"
                network0_mac="58:9c:fc:0[0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}"
                """), conf);
        Path disk = vm.vmDir.resolve("web1/disk0.img");
        assertEquals(5L << 30, Files.size(disk));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(disk)));
        assertTrue(Files.readString(vm.vmDir.resolve("web1/vm-bhyve.log"))
                .matches("2026-01-31T14:05:09\\+01:00: generated static mac 58:9c:fc:[0-9a-f:]{8}\n"));
        assertEquals(List.of("disk0.img", "vm-bhyve.log", "web1.conf"), entries(vm.vmDir.resolve("web1")));
    }

    @Test
    void templateDiskSizesAreUsedAndDropped() throws Exception {
        Files.writeString(vm.vmDir.resolve(".templates/two.conf"), DEFAULT_TEMPLATE
                + "disk0_size=\"2G\"\ndisk1_type=\"virtio-blk\"\ndisk1_name=\"data.img\"\ndisk1_size=\"1G\"\n");
        assertEquals(0, vm.vm("create", "-t", "two", "db").exit());
        assertEquals(2L << 30, Files.size(vm.vmDir.resolve("db/disk0.img")));
        assertEquals(1L << 30, Files.size(vm.vmDir.resolve("db/data.img")));
        assertFalse(vm.conf("db").contains("_size"));
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsWritten() throws Exception {
        for (String name : List.of("../x", "a/b", "x", "a b", "x".repeat(232))) {
            TestVm.Result r = vm.vm("create", name);
            assertEquals(1, r.exit(), name);
            assertEquals("vm: ERROR: invalid virtual machine name - '" + name + "'\n", r.err());
        }
        assertEquals(List.of(".config", ".img", ".iso", ".templates"), entries(vm.vmDir));
        assertFalse(Files.exists(root.resolve("x")));
    }

    @Test
    void createErrorsInUpstreamOrder() throws Exception {
        assertEquals(0, vm.vm("create", "web1").exit());
        assertEquals("vm: ERROR: virtual machine already exists in " + vm.vmDir + "/web1\n", vm.vm("create", "web1").err());
        assertEquals("vm: ERROR: unable to load datastore - 'nope'\n", vm.vm("create", "-d", "nope", "web2").err());
        assertEquals("vm: ERROR: unable to find template " + vm.vmDir + "/.templates/nope.conf\n",
                vm.vm("create", "-t", "nope", "web2").err());
        assertEquals("vm: ERROR: cloud-init is required for network config. Use -C to enable it.\n",
                vm.vm("create", "-n", "ip=1.2.3.4/24", "web2").err());
        assertEquals("vm: ERROR: invalid netconfig option - 'gw'\n", vm.vm("create", "-C", "-n", "gw=1.2.3.4", "web2").err());
        assertEquals("vm: ERROR: invalid netconfig entry - 'junk'\n", vm.vm("create", "-C", "-n", "junk", "web2").err());
        assertFalse(Files.exists(vm.vmDir.resolve("web2")));
    }

    @Test
    void failedDiskCreationLeavesNoHalfGuest() throws Exception {
        TestVm.Result r = vm.vm("create", "-s", "not-a-size", "web1");
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: failed to create sparse file for disk image\n", r.err());
        assertEquals(List.of(".config", ".img", ".iso", ".templates"), entries(vm.vmDir));
    }

    @Test
    void missingNameShowsHelpAndBadOptionTooWithShDiagnostic() {
        TestVm.Result r = vm.vm("create");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage:"));
        r = vm.vm("create", "-z", "web");
        assertEquals(0, r.exit());
        assertEquals("Illegal option -z\n", r.err());
        assertTrue(r.out().startsWith("Usage:"));
    }

    @Test
    void cloudInitFiles() throws Exception {
        Path key = root.resolve("key.pub");
        Files.writeString(key, "# my key\nssh-ed25519 AAAA user@host\n\nssh-rsa BBBB other\n");
        assertEquals(0, vm.vm("create", "-C", "-k", key.toString(),
                "-n", "ip=10.0.0.5/24;gateway4=10.0.0.1;nameservers=1.1.1.1;hostname=box", "ci1").exit());
        Path ci = vm.vmDir.resolve("ci1/.cloud-init");
        String conf = vm.conf("ci1");
        String mac = conf.replaceAll("(?s).*network0_mac=\"([^\"]+)\".*", "$1");
        String uuid = conf.replaceAll("(?s).*uuid=\"([^\"]+)\".*", "$1");
        assertEquals("instance-id: " + uuid + "\nlocal-hostname: box\n", Files.readString(ci.resolve("meta-data")));
        assertEquals("""
                #cloud-config
                resize_rootfs: True
                manage_etc_hosts: localhost
                ssh_authorized_keys:
                  - ssh-ed25519 AAAA user@host
                  - ssh-rsa BBBB other
                """, Files.readString(ci.resolve("user-data")));
        assertEquals("""
                version: 2
                ethernets:
                  id0:
                    set-name: eth0
                    match:
                      macaddress: %s
                    addresses: [10.0.0.5/24]
                    dhcp6: true
                    accept-ra: true
                    nameservers:
                      addresses: [1.1.1.1]
                    routes:
                      - to: 0.0.0.0/0
                        via: 10.0.0.1
                """.formatted(mac), Files.readString(ci.resolve("network-config")));
        assertTrue(conf.endsWith("disk1_type=\"ahci-cd\"\ndisk1_name=\"seed.iso\"\ndisk1_dev=\"file\"\n"), conf);
    }

    @Test
    void renameMovesDirectoryConfigAndSavedState() throws Exception {
        vm.vm("create", "old1");
        Files.writeString(vm.vmDir.resolve("old1/old1.save"), "state");
        assertEquals(0, vm.vm("rename", "old1", "new1").exit());
        assertEquals(List.of("disk0.img", "new1.conf", "new1.save", "vm-bhyve.log"), entries(vm.vmDir.resolve("new1")));
        assertFalse(Files.exists(vm.vmDir.resolve("old1")));
        assertEquals("vm: ERROR: invalid virtual machine name - '../evil'\n", vm.vm("rename", "new1", "../evil").err());
        assertEquals("vm: ERROR: nope doesn't appear to be a valid virtual machine\n", vm.vm("rename", "nope", "other").err());
        vm.vm("create", "taken");
        assertEquals("vm: ERROR: directory " + vm.vmDir + "/taken already exists\n", vm.vm("rename", "new1", "taken").err());
    }

    @Test
    void runningGuestIsNotRenamedOrDestroyed() throws Exception {
        vm.vm("create", "web1");
        Files.createFile(root.resolve("host/dev/vmm/web1"));
        TestVm.Result r = vm.vm("destroy", "-f", "web1");
        assertEquals(1, r.exit());
        assertEquals("vm: WARNING: web1 appears to be running locally (vmm exists)\n", r.err());
        Files.delete(root.resolve("host/dev/vmm/web1"));
        Files.writeString(vm.vmDir.resolve("web1/run.lock"), "fakehost\n");
        r = vm.vm("rename", "web1", "web2");
        assertEquals(1, r.exit());
        assertEquals("vm: WARNING: web1 appears to be running on fakehost (locked)\n", r.err());
        assertTrue(Files.exists(vm.vmDir.resolve("web1/web1.conf")));
    }

    @Test
    void destroyAsksAndEndOfInputMeansNo() throws Exception {
        vm.vm("create", "web1");
        TestVm.Result r = vm.vm("destroy", "web1");
        assertEquals(0, r.exit());
        assertTrue(Files.exists(vm.vmDir.resolve("web1")));
        assertEquals(0, vm.vmWithInput("maybe\nyes\n", "destroy", "web1").exit());
        assertFalse(Files.exists(vm.vmDir.resolve("web1")));
    }

    @Test
    void destroyNeverLeavesTheDatastore() throws Exception {
        Path outside = root.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("outside.conf"), "loader=bhyveload\n");
        Files.createSymbolicLink(vm.vmDir.resolve("link"), outside);
        for (String name : List.of("../outside", "..", "/etc")) {
            TestVm.Result r = vm.vm("destroy", "-f", name);
            assertEquals(1, r.exit(), name);
            assertEquals("vm: ERROR: " + name + " doesn't appear to be a valid virtual machine\n", r.err());
        }
        assertTrue(Files.exists(outside.resolve("outside.conf")));
    }

    @Test
    void destroyRemovesASymlinkNotItsTarget() throws Exception {
        vm.vm("create", "web1");
        Path precious = root.resolve("precious");
        Files.writeString(precious, "data");
        Files.createSymbolicLink(vm.vmDir.resolve("web1/link"), precious);
        assertEquals(0, vm.vm("destroy", "-f", "web1").exit());
        assertEquals("data", Files.readString(precious));
    }

    @Test
    void addDiskAndNetwork() throws Exception {
        vm.vm("create", "web1");
        assertEquals(0, vm.vm("add", "-d", "disk", "-s", "1G", "web1").exit());
        assertEquals(0, vm.vm("add", "-d", "network", "-s", "lan", "web1").exit());
        assertTrue(vm.conf("web1").endsWith("""
                disk1_name="disk1.img"
                disk1_type="virtio-blk"
                disk1_dev="file"
                network1_type="virtio-net"
                network1_switch="lan"
                """), vm.conf("web1"));
        assertEquals(1L << 30, Files.size(vm.vmDir.resolve("web1/disk1.img")));
        assertEquals("vm: ERROR: device must be one of the following: disk network\n",
                vm.vm("add", "-d", "tape", "-s", "1", "web1").err());
        assertEquals("vm: ERROR: device type must be one of the following: zvol sparse-zvol file\n",
                vm.vm("add", "-d", "disk", "-t", "floppy", "-s", "1G", "web1").err());
        assertEquals("vm: ERROR: nope does not appear to be a valid virtual machine\n",
                vm.vm("add", "-d", "disk", "-s", "1G", "nope").err());
        assertEquals(0, vm.vm("add", "-d", "disk", "web1").exit());
    }

    @Test
    void tags() throws Exception {
        vm.vm("create", "web1");
        vm.vm("create", "web2");
        assertEquals(0, vm.vm("tags", "add", "web1", "prod", "eu").exit());
        vm.vm("tags", "add", "web1", "prod", "web");
        vm.vm("tags", "add", "web2", "web-1");
        assertEquals("prod eu web\n", vm.vm("tags", "list", "web1").out());
        assertEquals("", vm.vm("tags", "list", "web2").out().replace("web-1\n", ""));
        assertEquals("web1\n", vm.vm("tags", "find", "web").out());
        vm.vm("tags", "remove", "web1", "eu");
        assertEquals("prod web\n", vm.vm("tags", "list", "web1").out());
        assertEquals("vm: ERROR: invalid tag name - 'a/b'\n", vm.vm("tags", "add", "web1", "a/b").err());
        assertEquals(0, vm.vm("tags").exit());
        assertEquals("\n", vm.vm("tags", "find", "nothing").out());
    }

    @Test
    void datastores() throws Exception {
        Path extra = root.resolve("extra");
        Path isos = root.resolve("isos");
        Files.createDirectories(extra);
        Files.createDirectories(isos);
        assertEquals(0, vm.vm("datastore", "add", "extra", extra.toString()).exit());
        assertEquals(0, vm.vm("datastore", "iso", "media", isos.toString()).exit());
        assertEquals("vm: ERROR: datstore 'extra' already exists!\n", vm.vm("datastore", "add", "extra", "/tmp").err());
        assertEquals("vm: ERROR: specified path already exists as default datastore\n",
                vm.vm("datastore", "add", "again", vm.vmDir.toString()).err());
        assertEquals("datastore_list=\"extra media\"\npath_extra=\"" + extra + "\"\npath_media=\"iso:" + isos + "\"\n",
                Files.readString(vm.vmDir.resolve(".config/system.conf")));
        assertEquals(0, vm.vm("create", "-d", "extra", "far1").exit());
        assertTrue(Files.exists(extra.resolve("far1/far1.conf")));
        assertTrue(vm.vm("list").out().contains("far1  extra"));
        assertEquals(String.format("%-15s %-11s %-25s %s%n".repeat(4), "NAME", "TYPE", "PATH", "ZFS DATASET",
                "default", "directory", vm.vmDir, "-", "extra", "directory", extra, "-", "media", "iso", isos, "-"),
                vm.vm("datastore", "list").out());
        Files.writeString(isos.resolve("install.iso"), "");
        assertEquals(String.format("%-20s%s%n%-20s%s%n", "DATASTORE", "FILENAME", "media", "install.iso"),
                vm.vm("iso").out());
        assertEquals(0, vm.vm("datastore", "remove", "extra").exit());
        assertEquals("datastore_list=\"media\"\npath_media=\"iso:" + isos + "\"\n",
                Files.readString(vm.vmDir.resolve(".config/system.conf")));
        assertEquals("vm: ERROR: cannot remove default datastore\n", vm.vm("datastore", "remove", "default").err());
        assertEquals(1, vm.vm("datastore", "add").exit());
    }
}
