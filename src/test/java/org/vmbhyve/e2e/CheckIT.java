package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code vm check} through the real launcher on a fake host with a ZFS {@code $vm_dir}. */
class CheckIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-check-"));
        host.sh("fakehost-zfs-vmdir tank/vm");
        assertEquals(0, host.vm("init").exit());
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        assertEquals(0, host.vm("switch", "create", "public").exit());
        assertEquals(0, host.vm("create", "-s", "10M", "web").exit());
        assertEquals(0, host.vm("create", "-s", "10M", "vols").exit());
        assertEquals(0, host.vm("add", "-d", "disk", "-t", "zvol", "-s", "10M", "vols").exit());
        Files.writeString(host.vmDir.resolve("vols/vols.conf"), """
                disk2_type="virtio-blk"
                disk2_name="gone"
                disk2_dev="sparse-zvol"
                """, java.nio.file.StandardOpenOption.APPEND);
        Path typo = Files.createDirectories(host.vmDir.resolve("typo"));
        Files.writeString(typo.resolve("typo.conf"), """
                loader="grub"
                cpu=2
                memroy=2G
                ignore_bad_msr="yes"
                network0_type="virtio-net"
                network0_switch="pubic"
                disk0_type="ahci-cd"
                disk0_name="install.iso"
                graphics_res="800*600"
                """);
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    @Test
    void brokenConfigsAreReportedAndNothingChanges() throws Exception {
        host.vm("list");
        List<String> before = tree();
        FakeHost.Run run = host.vm("check");
        assertEquals(1, run.exit());
        assertEquals("", run.stderr());
        assertEquals("""
                typo: error: memroy: unknown setting, ignored; did you mean memory?
                typo: warning: ignore_bad_msr: read here, but vm-bhyve reads only ignore_msr; use ignore_msr for a config both understand
                typo: error: graphics_res: '800*600' is not a resolution (WIDTHxHEIGHT, e.g. 1024x768)
                typo: error: memory: not set; the guest cannot start without it
                typo: error: disk0_name: ISO ROOT/vm/typo/install.iso does not exist
                typo: error: network0_switch: switch pubic does not exist
                vols: error: disk2_name: ZFS volume tank/vm/vols/gone does not exist
                web: ok
                """, run.stdout().replace(host.root.toString(), "ROOT"));
        // only read-only ZFS queries reach the host
        assertEquals(List.of("'zfs' 'list' '-H' '-o' 'name' 'tank/vm/vols/disk1'",
                "'zfs' 'list' '-H' '-o' 'name' 'tank/vm/vols/gone'"), run.hostCalls());
        assertEquals(before, tree());

        FakeHost.Run web = host.vm("check", "web");
        assertEquals(0, web.exit());
        assertEquals("web: ok\n", web.stdout());
        FakeHost.Run warned = host.vm("check", "--json", "nosuch");
        assertEquals(1, warned.exit());
        assertEquals("vm: ERROR: unable to locate virtual machine 'nosuch'\n",
                warned.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
    }

    /** Every file of $vm_dir with its size and modification time. */
    private List<String> tree() throws Exception {
        try (Stream<Path> files = Files.walk(host.vmDir)) {
            return files.map(p -> {
                try {
                    return host.root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
