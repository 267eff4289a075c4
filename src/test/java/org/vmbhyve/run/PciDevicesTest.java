package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
