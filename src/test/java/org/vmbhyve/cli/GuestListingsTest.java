package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.host.FakeRunner;

/**
 * {@code vm list} and {@code vm info} of guests made with {@code vm create}: the tables,
 * {@code -v}, {@code --json} and the info block.
 */
class GuestListingsTest {

    @TempDir
    Path root;
    TestVm vm;

    @BeforeEach
    void setUp() throws Exception {
        vm = GuestCommandsTest.withDefaultTemplate(root);
    }

    @Test
    void listShowsGuestsSortedWithState() throws Exception {
        vm.vm("create", "web1");
        vm.vm("create", "-c", "4", "-m", "4G", "db1");
        vm.vm("create", "app1");
        Files.writeString(vm.rcConf, Files.readString(vm.rcConf) + "vm_list=\"db1 web1\"\n");
        vm.vm("tags", "add", "web1", "prod", "web");
        vm.runner.answer("pgrep", argv -> FakeRunner.ok("4242 bhyve: web1\n"));
        Files.writeString(vm.vmDir.resolve("app1/run.lock"), "otherhost\n");
        TestVm.Result r = vm.vm("list");
        assertEquals(0, r.exit(), r.err());
        assertEquals("""
                NAME  DATASTORE  LOADER     CPU  MEMORY  VNC  AUTO     STATE               TAGS
                app1  default    bhyveload  1    256M    -    No       Locked (otherhost)  -
                db1   default    bhyveload  4    4G      -    Yes [1]  Stopped             -
                web1  default    bhyveload  1    256M    -    Yes [2]  Running (4242)      prod,web
                """, r.out());
        assertEquals(List.of("pgrep", "-fl", "bhyve:|grub-bhyve|bhyveload"), vm.runner.calls("pgrep").get(0));
        assertEquals("""
                NAME  DATASTORE  LOADER     CPU  MEMORY  VNC  AUTO     STATE           TAGS
                web1  default    bhyveload  1    256M    -    Yes [2]  Running (4242)  prod,web
                """, vm.vm("list", "-t", "prod").out());
        assertEquals(3, vm.vm("list", "-r").out().split("\n").length);
    }

    @Test
    void listVerboseAndJson() throws Exception {
        vm.vm("create", "web1");
        vm.runner.answer("pgrep", argv -> FakeRunner.ok("4242 bhyve: web1\n"))
                .answer("ps", argv -> FakeRunner.ok("  1.5 524288 3-04:05:06\n"));
        assertEquals("""
                NAME  DATASTORE  LOADER     CPU  MEMORY  VNC  AUTO   %CPU       RSZ          UPTIME  STATE           TAGS
                web1  default    bhyveload  1    256M    -    No      1.5    512.0M     3d 04:05:06  Running (4242)  -
                """, vm.vm("list", "-v").out());
        assertEquals("""
                [ {
                  "name" : "web1",
                  "datastore" : "default",
                  "loader" : "bhyveload",
                  "cpu" : "1",
                  "memory" : "256M",
                  "memoryBytes" : 268435456,
                  "vnc" : null,
                  "autostart" : false,
                  "autostartOrder" : null,
                  "state" : "running",
                  "pid" : 4242,
                  "lockHost" : null,
                  "cpuPercent" : 1.5,
                  "residentBytes" : 536870912,
                  "uptime" : "3-04:05:06",
                  "uptimeSeconds" : 273906,
                  "tags" : [ ],
                  "addresses" : [ ]
                } ]
                """, vm.vm("list", "-v", "--json").out());
    }

    @Test
    void infoBlock() throws Exception {
        vm.vm("create", "-s", "1G", "web1");
        TestVm.Result r = vm.vm("info", "web1");
        assertEquals(0, r.exit(), r.err());
        String conf = vm.conf("web1");
        String mac = conf.replaceAll("(?s).*network0_mac=\"([^\"]+)\".*", "$1");
        String uuid = conf.replaceAll("(?s).*uuid=\"([^\"]+)\".*", "$1");
        assertEquals("""
                ------------------------
                Virtual Machine: web1
                ------------------------
                  state: stopped
                  datastore: default
                  loader: bhyveload
                  uuid: %s
                  cpu: 1
                  memory: 256M

                  network-interface
                    number: 0
                    emulation: virtio-net
                    virtual-switch: public
                    fixed-mac-address: %s
                    fixed-device: -

                  virtual-disk
                    number: 0
                    device-type: file
                    emulation: virtio-blk
                    options: -
                    system-path: %s/web1/disk0.img
                    bytes-size: 1073741824 (1.000G)
                    bytes-used: 0 (0.000B)

                """.formatted(uuid, mac, vm.vmDir), r.out());
        assertEquals(List.of("ifconfig", "-g", "vm-switch"), vm.runner.calls("ifconfig").get(0));
        TestVm.Result missing = vm.vm("info", "web1", "nosuch");
        assertEquals(1, missing.exit());
        assertEquals(r.out(), missing.out());
        assertEquals("vm: ERROR: unable to locate virtual machine 'nosuch'\n", missing.err());
    }
}
