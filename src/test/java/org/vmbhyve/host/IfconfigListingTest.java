package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ifconfig parser on published FreeBSD outputs (src/test/resources/host-output, whose README names the source of each). */
class IfconfigListingTest {

    static String output(String file) throws IOException {
        try (InputStream in = IfconfigListingTest.class.getResourceAsStream("/host-output/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> names(List<IfconfigListing.Interface> interfaces) {
        List<String> names = new ArrayList<>();
        for (IfconfigListing.Interface iface : interfaces) {
            names.add(iface.name());
        }
        return names;
    }

    private static List<String> members(IfconfigListing.Interface iface) {
        List<String> names = new ArrayList<>();
        for (IfconfigListing.Member member : iface.members()) {
            names.add(member.name() + ":" + member.port() + (member.isPrivate() ? ":private" : ""));
        }
        return names;
    }

    @Test
    void fullListingWithTabsBridgeAndOpenedTap() throws IOException {
        List<IfconfigListing.Interface> all = IfconfigListing.parse(output("ifconfig-bridge-tap-2020-tabs.txt"));
        assertEquals(List.of("igb0", "tap0", "bridge0"), names(all));
        IfconfigListing.Interface igb0 = all.get(0);
        assertEquals(1500, igb0.mtu());
        assertTrue(igb0.flags().contains("PROMISC"));
        assertEquals(List.of(new IfconfigListing.Address("XXX.XXX.XXX.XXX", 24)), igb0.inet());
        assertEquals(List.of(new IfconfigListing.Address("CCCC::CCCC:CCC:CCCC:CCCC%igb0", 64),
                new IfconfigListing.Address("BBBB:BBBB:BBB:BB::", 64)), igb0.inet6());
        IfconfigListing.Interface tap0 = all.get(1);
        assertEquals(83388, tap0.openedBy());
        assertEquals(List.of("tap"), tap0.groups());
        assertNull(tap0.description());
        IfconfigListing.Interface bridge0 = all.get(2);
        assertEquals(List.of(new IfconfigListing.Address("192.168.30.1", 24)), bridge0.inet());
        assertEquals(List.of("tap0:4", "igb0:1"), members(bridge0));
        assertEquals(List.of("LEARNING", "DISCOVER", "AUTOEDGE", "AUTOPTP"), bridge0.members().get(0).flags());
        assertTrue(bridge0.hasMember("tap0"));
        assertFalse(bridge0.hasMember("tap"));
        assertEquals(-1, bridge0.openedBy());
    }

    @Test
    void freeBsd15BlocksWithDescriptionAndLowerUp() throws IOException {
        List<IfconfigListing.Interface> all = IfconfigListing.parse(output("ifconfig-epair-15.0-tabs.txt"));
        assertEquals(List.of("epair6b", "epair7b"), names(all));
        assertEquals("jail:jammy:bridge0", all.get(0).description());
        assertEquals(List.of("UP", "BROADCAST", "RUNNING", "SIMPLEX", "MULTICAST", "LOWER_UP"), all.get(0).flags());
        assertEquals(List.of(new IfconfigListing.Address("10.0.1.12", 24)), all.get(1).inet());
        assertEquals(List.of("epair"), all.get(1).groups());
    }

    @Test
    void vmBhyveTapWithCidrInet6AndOpenedBy() throws IOException {
        IfconfigListing.Interface tap3 = IfconfigListing.first(output("ifconfig-tap-vm-bhyve-558.txt"));
        assertEquals("tap3", tap3.name());
        assertEquals(9000, tap3.mtu());
        assertEquals("vmnet/iris/0/custom", tap3.description());
        assertEquals(List.of(new IfconfigListing.Address("fe80::1%tap3", 64)), tap3.inet6());
        assertEquals(List.of("tap", "vm-port"), tap3.groups());
        assertEquals(76824, tap3.openedBy());
        assertTrue(tap3.flags().contains("LINK0"));
        IfconfigListing.Interface rebooted = IfconfigListing.first(output("ifconfig-tap-vm-bhyve-558-reboot.txt"));
        assertEquals(51194, rebooted.openedBy());
        assertFalse(rebooted.flags().contains("LINK0"));
    }

    @Test
    void switchBridgeMembersNewestFirstWithDescription() throws IOException {
        List<IfconfigListing.Interface> all = IfconfigListing.parse(output("ifconfig-bridge-vm-bhyve-20.txt"));
        assertEquals(List.of("bridge0", "bridge2"), names(all));
        assertEquals("vm-public", all.get(0).description());
        assertEquals(List.of("tap2:14", "tap1:13", "tap0:12", "bxe2:3"), members(all.get(0)));
        assertEquals(9000, all.get(1).mtu());
        // the stored copy ends after the first member line: no port known
        assertEquals(List.of("ix0:-1"), members(all.get(1)));
    }

    @Test
    void switchWithAddressAndViidGroup() throws IOException {
        IfconfigListing.Interface sw = IfconfigListing.first(output("ifconfig-vm-public-435.txt"));
        assertEquals("vm-public", sw.name());
        assertEquals(List.of(new IfconfigListing.Address("192.168.8.1", 24)), sw.inet());
        assertEquals(List.of("bridge", "vm-switch", "viid-4c918@"), sw.groups());
        assertEquals(List.of(), sw.members());
    }

    @Test
    void bridgeThenTapWithUnusualProto() throws IOException {
        List<IfconfigListing.Interface> all = IfconfigListing.parse(output("ifconfig-bridge-stp-rstp-tap.txt"));
        assertEquals(List.of("bridge0", "tap0"), names(all));
        assertEquals(List.of("tap0:4"), members(all.get(0)));
        assertEquals(List.of(new IfconfigListing.Address("172.24.1.49", 24)), all.get(0).inet());
        assertEquals(1660, all.get(1).openedBy());
    }

    @Test
    void privateMemberWithoutIndentation() throws IOException {
        // the page wrapped the header with a backslash; the indentation it stripped is not needed
        String text = output("ifconfig-private-member-journal.txt").replace("\\\n", " ");
        IfconfigListing.Interface sw = IfconfigListing.first(text);
        assertEquals("vm-services", sw.name());
        assertEquals(1500, sw.mtu());
        assertEquals(List.of("tap1:6:private", "vnet0.31:7"), members(sw));
        assertEquals(List.of(new IfconfigListing.Address("10.1.1.1", 24)), sw.inet());
        assertEquals(List.of("bridge", "vm-switch", "viid-10cd3@"), sw.groups());
    }

    @Test
    void descriptionKeepsItsSpaces() throws IOException {
        IfconfigListing.Interface tap = IfconfigListing.first(output("ifconfig-tap-softether-1860.txt"));
        assertEquals("vpn_client", tap.name());
        assertEquals("SoftEther Virtual Network Adapter <-- THIS IS IT!", tap.description());
        assertEquals(35981, tap.openedBy());
    }

    /** The formats IFCONFIG_FORMAT selects (sbin/ifconfig/af_inet.c in_status_nl, af_inet6.c print_mask). */
    @Test
    void addressFormats() {
        String text = "vm-lan: flags=1008843<UP,BROADCAST,RUNNING,SIMPLEX,MULTICAST,LOWER_UP> metric 0 mtu 1500\n"
                + "\tinet 10.0.0.1/24 broadcast 10.0.0.255\n"
                + "\tinet 10.1.0.1 netmask 255.255.0.0 broadcast 10.1.255.255\n"
                + "\tinet 10.2.0.1 netmask 0xfffffffc broadcast 10.2.0.3\n"
                + "\tinet6 fd00::1/64\n";
        IfconfigListing.Interface lan = IfconfigListing.first(text);
        assertEquals(List.of(new IfconfigListing.Address("10.0.0.1", 24), new IfconfigListing.Address("10.1.0.1", 16),
                new IfconfigListing.Address("10.2.0.1", 30)), lan.inet());
        assertEquals(List.of(new IfconfigListing.Address("fd00::1", 64)), lan.inet6());
        assertEquals(List.of(), IfconfigListing.parse(""));
        assertNull(IfconfigListing.first("ifconfig: interface em9 does not exist\n"));
    }
}
