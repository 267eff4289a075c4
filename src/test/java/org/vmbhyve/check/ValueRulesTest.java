package org.vmbhyve.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmbhyve.config.GuestKey.Kind;

class ValueRulesTest {

    private static void ok(Kind kind, String... values) {
        for (String value : values) {
            assertEquals(Optional.empty(), ValueRules.problem(kind, value), kind + " " + value);
        }
    }

    private static void bad(Kind kind, String value, String problem) {
        assertEquals(Optional.of(problem), ValueRules.problem(kind, value));
    }

    @Test
    void anEmptyValueIsUnsetAndAlwaysFine() {
        for (Kind kind : Kind.values()) {
            ok(kind, "");
        }
    }

    @Test
    void yesNoWordsInAnyCase() {
        ok(Kind.YESNO, "yes", "NO", "true", "False", "on", "off", "1", "0");
        bad(Kind.YESNO, "yse", "'yse' is not a yes/no word (yes, no, true, false, on, off, 1, 0)");
        ok(Kind.YESNO_AUTO, "auto", "yes");
        bad(Kind.YESNO_AUTO, "sometimes", "'sometimes' is not auto or a yes/no word (yes, no, true, false, on, off, 1, 0)");
    }

    @Test
    void sizesCountsAndNumbers() {
        ok(Kind.MEMORY, "512M", "2G", "2g", "1024", "1T");
        bad(Kind.MEMORY, "2GB", "'2GB' is not a size such as 512M or 2G");
        bad(Kind.MEMORY, "0", "'0' is not a size such as 512M or 2G");
        ok(Kind.SIZE, "20G", "512");
        bad(Kind.SIZE, "big", "'big' is not a size such as 20G");
        ok(Kind.COUNT, "1", "16");
        bad(Kind.COUNT, "0", "'0' is not a count of at least 1");
        bad(Kind.COUNT, "two", "'two' is not a count of at least 1");
        bad(Kind.NUMBER, "-3", "'-3' is not a whole number");
    }

    @Test
    void slotsAndPorts() {
        ok(Kind.SLOT, "0", "3", "31");
        bad(Kind.SLOT, "32", "'32' is not a PCI slot number (0 to 31)");
        bad(Kind.SLOT, "x", "'x' is not a PCI slot number (0 to 31)");
        ok(Kind.PORT, "5900");
        bad(Kind.PORT, "70000", "'70000' is not a TCP port (1 to 65535)");
        ok(Kind.AHCI_LIMIT, "1", "32");
        bad(Kind.AHCI_LIMIT, "33", "'33' is not a number of devices per AHCI controller (1 to 32)");
    }

    @Test
    void typesAndWords() {
        ok(Kind.LOADER, "bhyveload", "grub", "uefi", "uefi-csm");
        bad(Kind.LOADER, "efi", "'efi' is not a loader (bhyveload, grub, uefi, uefi-csm, uefi-devel, uefi-custom)");
        ok(Kind.DISK_TYPE, "virtio-blk", "ahci-hd", "ahci-cd", "nvme");
        bad(Kind.DISK_TYPE, "sata", "'sata' is not a disk emulation "
                + "(virtio-blk, ahci-hd, ahci-cd, nvme, virtio-scsi, virtio-9p)");
        ok(Kind.DISK_DEV, "file", "zvol", "sparse-zvol", "custom");
        ok(Kind.NIC_TYPE, "virtio-net", "e1000");
        bad(Kind.NIC_TYPE, "rtl8139", "'rtl8139' is not a network emulation (virtio-net, e1000)");
        ok(Kind.HOSTBRIDGE, "standard", "amd", "none", "no");
        bad(Kind.HOSTBRIDGE, "intel", "'intel' is not a host bridge (standard, amd or none)");
        ok(Kind.VGA, "on", "off", "io");
        ok(Kind.EXIT_ACTION, "restart", "shutdown");
        bad(Kind.EXIT_ACTION, "reboot", "'reboot' is not an action (restart, shutdown)");
    }

    @Test
    void formats() {
        ok(Kind.MAC, "58:9c:fc:0a:0b:0C");
        bad(Kind.MAC, "58:9c:fc:0a:0b", "'58:9c:fc:0a:0b' is not a MAC address (xx:xx:xx:xx:xx:xx)");
        ok(Kind.UUID, "0b9c5c8e-2f4a-11ef-8d6a-0800270A0B0C");
        bad(Kind.UUID, "0b9c5c8e", "'0b9c5c8e' is not a UUID");
        ok(Kind.COMPORTS, "com1", "com1 com2");
        bad(Kind.COMPORTS, "com1 com5", "'com5' is not a serial port (com1, com2, com3, com4)");
        bad(Kind.COMPORTS, "com2 com2", "com2 is listed twice");
        ok(Kind.RESOLUTION, "1024x768", "1920x1200");
        bad(Kind.RESOLUTION, "1024*768", "'1024*768' is not a resolution (WIDTHxHEIGHT, e.g. 1024x768)");
        bad(Kind.RESOLUTION, "3840x2160", "'3840x2160' is outside bhyve's framebuffer sizes (up to 1920x1200)");
        ok(Kind.PASSTHRU, "2/0/0", "130/0/1=7:0", "2/0/0=7");
        bad(Kind.PASSTHRU, "pci0:2:0:0",
                "'pci0:2:0:0' is not a host device as bus/slot/function (optionally =slot:function in the guest)");
    }
}
