package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vmbhyve.host.HostOutput;

class PciDevicesTest {

    @Test
    void listsDevicesWithTheirBhyveIdAndReadiness() {
        List<String> brief = List.of(
                "hostb0@pci0:0:0:0:\tclass=0x060000 rev=0x00 hdr=0x00 vendor=0x8086 device=0x1237",
                "ppt0@pci0:6:0:1:\tclass=0x020000 rev=0x01 hdr=0x00 vendor=0x8086 device=0x10fb");
        List<String> verbose = List.of(
                "hostb0@pci0:0:0:0:\tclass=0x060000 rev=0x00 hdr=0x00 vendor=0x8086 device=0x1237",
                "    vendor     = 'Intel Corporation'",
                "    device     = '440FX - 82441FX PMC [Natoma]'",
                "    class      = bridge",
                "ppt0@pci0:6:0:1:\tclass=0x020000 rev=0x01 hdr=0x00 vendor=0x8086 device=0x10fb",
                "    vendor     = 'Intel Corporation'",
                "    class      = network");
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                hostb0     0/0/0        No           440FX - 82441FX PMC [Natoma]
                ppt0       6/0/1        Yes          -
                """, PciDevices.render(PciDevices.devices(brief, verbose)));
    }

    /** {@code vm passthru} over a published {@code pciconf -lv}; -l prints its device lines. */
    private static String passthru(String... files) {
        List<String> verbose = new ArrayList<>();
        for (String file : files) {
            verbose.addAll(HostOutput.lines(file));
        }
        List<String> brief = new ArrayList<>();
        for (String line : verbose) {
            if (!line.startsWith(" ")) {
                brief.add(line);
            }
        }
        return PciDevices.render(PciDevices.devices(brief, verbose));
    }

    @Test
    void publishedListingsOfBothHeaderFormats() {
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                ppt0       2/0/0        Yes          BCM4350 802.11ac Wireless Network Adapter
                none0      3/0/0        No           BCM43602 802.11ac Wireless LAN SoC
                """, passthru("pciconf-lv-15.0-ppt.txt", "pciconf-lvc-none0.txt"));
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                ppt0       37/0/0       Yes          Wi-Fi 6E(802.11ax) AX210/AX1675* 2x2 [Typhoon Peak]
                """, passthru("pciconf-lv-ppt-bus37.txt"));
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                ppt0       1/0/0        Yes          QCA9377 802.11ac Wireless Network Adapter
                """, passthru("pciconf-lv-12-old-format.txt"));
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                ppt0       1/0/0        Yes          82580 Gigabit Network Connection
                """, passthru("pciconf-lv-old-format-subclass.txt"));
    }

    @Test
    void capabilityLinesAndTwoDigitFunctions() {
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                ppt0       3/0/0        Yes          BCM43602 802.11ac Wireless LAN SoC
                """, passthru("pciconf-lvc-ppt0-caps.txt"));
        List<String> sriov = HostOutput.lines("pciconf-l-14-sriov.txt");
        assertEquals("""
                DEVICE     BHYVE ID     READY        DESCRIPTION
                iavf0      1/0/16       No           -
                ppt0       1/0/17       Yes          -
                """, PciDevices.render(PciDevices.devices(sriov, List.of())));
    }
}
