package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vm check}: the report, its exit status, and that it changes nothing. */
class CheckCommandTest {

    private static final String GOOD = """
            loader="bhyveload"
            cpu=1
            memory=256M
            network0_type="virtio-net"
            network0_switch="public"
            disk0_type="virtio-blk"
            disk0_name="disk0.img"
            uuid="0b9c5c8e-2f4a-11ef-8d6a-0800270a0b0c"
            network0_mac="58:9c:fc:0a:0b:0c"
            """;

    @TempDir
    Path root;
    TestVm vm;

    @BeforeEach
    void setUp() throws Exception {
        vm = new TestVm(root);
        Files.createDirectories(vm.vmDir.resolve(".config"));
        Files.writeString(vm.vmDir.resolve(".config/system.conf"), "switch_list=\"public\"\n");
    }

    private void guest(String name, String conf, String... files) throws Exception {
        Path dir = Files.createDirectories(vm.vmDir.resolve(name));
        Files.writeString(dir.resolve(name + ".conf"), conf);
        for (String file : files) {
            Files.writeString(dir.resolve(file), "");
        }
    }

    private TestVm.Result check(String... args) {
        List<String> argv = new ArrayList<>(List.of("check"));
        argv.addAll(List.of(args));
        TestVm.Result r = vm.vm(argv.toArray(String[]::new));
        return new TestVm.Result(r.exit(), r.out().replace(root.toString(), "ROOT"), r.err());
    }

    @Test
    void aGoodGuestIsOkAndExitsZero() throws Exception {
        guest("good", GOOD, "disk0.img");
        assertEquals(new TestVm.Result(0, "good: ok\n", ""), check());
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        guest("msr", GOOD + "ignore_bad_msr=\"yes\"\ndisk2_name=\"late.img\"\ndisk2_type=\"nvme\"\n", "disk0.img");
        assertEquals(new TestVm.Result(0, """
                msr: warning: ignore_bad_msr: read here, but vm-bhyve reads only ignore_msr; use ignore_msr for a config both understand
                msr: warning: disk2_name: never read: disk1_name is not set, and numbering stops there
                msr: warning: disk2_type: never read: disk1_name is not set, and numbering stops there
                """, ""), check("msr"));
    }

    @Test
    void aPasswordOrCloudInitDataEveryUserCanReadIsWarnedAbout() throws Exception {
        guest("vnc", GOOD + "graphics=\"yes\"\nvnc_password=\"s3cret\"\n", "disk0.img");
        Path conf = vm.vmDir.resolve("vnc/vnc.conf");
        Path cloudInit = Files.createDirectories(vm.vmDir.resolve("vnc/.cloud-init"));
        Files.writeString(cloudInit.resolve("user-data"), "password: s3cret\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(cloudInit, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(cloudInit.resolve("user-data"), PosixFilePermissions.fromString("rw-r--r--"));

        assertEquals(new TestVm.Result(0, """
                vnc: warning: vnc_password: every user of this host can read the password in ROOT/vm/vnc/vnc.conf; \
                'chmod o-r ROOT/vm/vnc/vnc.conf' hides it (and the guest) from them
                vnc: warning: every user of this host can read the cloud-init data (passwords, keys) in \
                ROOT/vm/vnc/.cloud-init; 'chmod -R go= ROOT/vm/vnc/.cloud-init' hides it
                """, ""), check("vnc"));

        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));
        Files.setPosixFilePermissions(cloudInit, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(cloudInit.resolve("user-data"), PosixFilePermissions.fromString("rw-------"));
        assertEquals(new TestVm.Result(0, "vnc: ok\n", ""), check("vnc"));
    }

    @Test
    void unknownKeysBadValuesMissingFilesAndSwitches() throws Exception {
        guest("bad", """
                loader="bhyveload"
                cpu=two
                memory=1Q
                grapics="yes"
                xhci_mouse="yse"
                graphics_res="4096x2160"
                comports="com1 com5"
                network0_type="virtio-nte"
                network0_switch="lan"
                network0_mac="58:9c:fc:0a:0b"
                disk0_type="virtio-blk"
                disk0_name="disk0.img"
                disk1_type="ahci-cd"
                disk1_name="seed.iso"
                uuid="nope"
                """);
        assertEquals(new TestVm.Result(1, """
                bad: error: cpu: 'two' is not a count of at least 1
                bad: error: memory: '1Q' is not a size such as 512M or 2G
                bad: error: grapics: unknown setting, ignored; did you mean graphics?
                bad: error: xhci_mouse: 'yse' is not a yes/no word (yes, no, true, false, on, off, 1, 0)
                bad: error: graphics_res: '4096x2160' is outside bhyve's framebuffer sizes (up to 1920x1200)
                bad: error: comports: 'com5' is not a serial port (com1, com2, com3, com4)
                bad: error: network0_type: 'virtio-nte' is not a network emulation (virtio-net, e1000)
                bad: error: network0_mac: '58:9c:fc:0a:0b' is not a MAC address (xx:xx:xx:xx:xx:xx)
                bad: error: uuid: 'nope' is not a UUID
                bad: error: disk0_name: disk image ROOT/vm/bad/disk0.img does not exist
                bad: error: disk1_name: ISO ROOT/vm/bad/seed.iso does not exist
                bad: error: network0_switch: switch lan does not exist
                """, ""), check("bad"));
    }

    @Test
    void requiredSettingsAndFirmware() throws Exception {
        guest("bare", "network0_type=\"e1000\"\nnetwork0_device=\"tap7\"\n");
        guest("efi", GOOD.replace("bhyveload", "uefi"), "disk0.img");
        guest("grub", GOOD.replace("bhyveload", "grub"), "disk0.img");
        assertEquals(new TestVm.Result(1, """
                bare: error: loader: not set; the guest cannot start without it
                bare: error: cpu: not set; the guest cannot start without it
                bare: error: memory: not set; the guest cannot start without it
                efi: error: loader: unable to locate firmware ROOT/host/usr/local/share/uefi-firmware/BHYVE_UEFI.fd
                grub: error: loader: grub needs grub-bhyve (sysutils/grub2-bhyve), which is not installed
                """, ""), check("bare", "efi", "grub"));
        Path firmware = root.resolve("host/usr/local/share/uefi-firmware/BHYVE_UEFI.fd");
        Files.createDirectories(firmware.getParent());
        Files.writeString(firmware, "");
        assertEquals(new TestVm.Result(0, "efi: ok\n", ""), check("efi"));
    }

    @Test
    void pciSlotClashesComeFromTheRealLayout() throws Exception {
        // disk0 4:0, nic 5:0, passthru pinned to 5:0 as well
        guest("pinned", GOOD + "passthru0=\"2/0/0=5:0\"\n", "disk0.img");
        // start_slot 2 puts the nic on 3:0, where vm install puts its medium
        guest("early", GOOD + "start_slot=2\n", "disk0.img");
        // a pinned slot past 31 and a start slot that takes the host bridge's place
        guest("odd", GOOD + "passthru0=\"2/0/0=40:0\"\nstart_slot=0\n", "disk0.img");
        assertEquals(new TestVm.Result(1, """
                early: error: install_slot: PCI slot 0:3:0 is used by virtio-net; vm install would fail
                odd: error: PCI slot 0:0:0 is used by both hostbridge and virtio-blk
                odd: error: PCI position of passthru is impossible: -s 0:40:0,passthru,2/0/0
                pinned: error: PCI slot 0:5:0 is used by both virtio-net and passthru
                """, ""), check("early", "odd", "pinned"));
    }

    @Test
    void devicesPastBusZeroAreAWarning() throws Exception {
        // three disks share slot 30; the interface finds bus 0 full and goes to 1:0:0
        StringBuilder conf = new StringBuilder(GOOD + "start_slot=30\n");
        for (int n = 1; n < 3; n++) {
            conf.append("disk").append(n).append("_type=\"virtio-blk\"\ndisk").append(n).append("_name=\"d").append(n)
                    .append(".img\"\n");
        }
        guest("many", conf.toString(), "disk0.img", "d1.img", "d2.img");
        assertEquals(new TestVm.Result(0, """
                many: warning: more devices than PCI slots on bus 0; the rest go on bus 1 and later, which not every guest finds
                """, ""), check("many"));
    }

    @Test
    void jsonHasTheSameFindingsAndNothingChanges() throws Exception {
        guest("good", GOOD, "disk0.img");
        guest("bad", GOOD.replace("cpu=1", "cpu=0") + "ignore_bad_msr=on\n", "disk0.img");
        vm.vm("list");
        // what every command's start-up sets up in $vm_dir is there now; check adds nothing
        List<String> before = tree();
        int calls = vm.runner.calls().size();
        TestVm.Result text = check();
        TestVm.Result json = check("--json");
        assertEquals(1, json.exit());
        JsonNode reports = new ObjectMapper().readTree(json.out());
        assertEquals(2, reports.size());
        StringBuilder fromJson = new StringBuilder();
        for (JsonNode report : reports) {
            if (report.get("findings").isEmpty()) {
                fromJson.append(report.get("name").asText()).append(": ok\n");
            }
            for (JsonNode f : report.get("findings")) {
                fromJson.append(report.get("name").asText()).append(": ").append(f.get("level").asText()).append(": ")
                        .append(f.get("key").asText()).append(": ").append(f.get("message").asText()).append('\n');
            }
        }
        assertEquals(text.out(), fromJson.toString());
        assertEquals(before, tree());
        assertEquals(List.of(), vm.runner.calls().subList(calls, vm.runner.calls().size()).stream()
                .filter(argv -> !List.of("kldstat", "sysctl", "uname").contains(argv.get(0))).toList());
    }

    @Test
    void anUnknownGuestIsAnError() throws Exception {
        assertEquals(new TestVm.Result(1, "", "vm: ERROR: unable to locate virtual machine 'nosuch'\n"), check("nosuch"));
    }

    /** Every file under the root with its size and modification time. */
    private List<String> tree() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(p -> {
                try {
                    return root.relativize(p) + " " + Files.size(p) + " " + Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }
}
