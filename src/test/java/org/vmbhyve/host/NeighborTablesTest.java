package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arp, ndp and dnsmasq lease parsers, on published FreeBSD outputs where there are some. */
class NeighborTablesTest {

    @Test
    void arpOnPublishedOutput() throws IOException {
        assertEquals(List.of(new Neighbor("192.168.71.163", "00:0c:29:1a:4e:3b", "em0"),
                        new Neighbor("192.168.71.2", "00:50:56:f7:4a:fc", "em0"),
                        new Neighbor("192.168.71.1", "00:50:56:c0:00:08", "em0")),
                ArpTable.parse(IfconfigListingTest.output("arp-a-freebsd12.txt")));
    }

    /** arp_netlink.c's other shapes: incomplete (skipped), published, bridge and vlan types, a resolved name. */
    @Test
    void arpIncompleteAndPublishedEntries() {
        String text = """
                ? (10.0.0.9) at (incomplete) on vm-public expired [bridge]
                gw.example.org (10.0.0.1) at 58:9c:fc:00:00:0a on vm-public permanent published [bridge]
                ? (172.16.199.10) at b2:a1:c7:20:19:f2 on igc0.20 expires in 100 seconds [vlan]
                """;
        assertEquals(List.of(new Neighbor("10.0.0.1", "58:9c:fc:00:00:0a", "vm-public"),
                new Neighbor("172.16.199.10", "b2:a1:c7:20:19:f2", "igc0.20")), ArpTable.parse(text));
        assertEquals(List.of(), ArpTable.parse(""));
    }

    @Test
    void ndpOnPublishedOutput() throws IOException {
        assertEquals(List.of(new Neighbor("fe80::250:56ff:fe00:6d36%hn1", "00:50:56:00:6d:36", "hn1")),
                NdpTable.parse(IfconfigListingTest.output("ndp-a-hn1.txt")));
    }

    /** ndp_netlink.c: a 37-character address pushes the columns right; incomplete entries name no MAC. */
    @Test
    void ndpLongAddressAndIncompleteEntry() {
        String text = """
                Neighbor                             Linklayer Address  Netif Expire    S Flags
                2001:db8:1000:2000:3000:4000:5000:600 58:9c:fc:00:00:0a vm-public 23h59m58s S\040
                2001:db8::1                          (incomplete)       em0 expired   I\040
                """;
        assertEquals(List.of(new Neighbor("2001:db8:1000:2000:3000:4000:5000:600", "58:9c:fc:00:00:0a", "vm-public")),
                NdpTable.parse(text));
    }

    /** src/lease.c: IPv4 leases by MAC; the DHCPv6 part (after "duid") has an IAID there. */
    @Test
    void dnsmasqLeases() {
        String text = """
                1788160701 58:9c:fc:00:00:0a 10.0.0.141 web 01:58:9c:fc:00:00:0a
                1788157800 58:9c:fc:00:00:0b 10.0.0.199 * *
                duid 00:01:00:01:2c:8a:91:3f:58:9c:fc:00:00:0a
                1788160701 12345 2001:db8::141 web 00:01:00:01
                """;
        assertEquals(List.of(new Neighbor("10.0.0.141", "58:9c:fc:00:00:0a", null),
                new Neighbor("10.0.0.199", "58:9c:fc:00:00:0b", null)), DnsmasqLeases.parse(text));
    }

    @Test
    void macsInOneSpelling() {
        assertEquals("58:9c:fc:00:00:0a", Neighbor.normalMac("58:9C:FC:0:0:A"));
        assertNull(Neighbor.normalMac("(incomplete)"));
        assertNull(Neighbor.normalMac("58:9c:fc:00:00"));
        assertNull(Neighbor.normalMac("58:9c:fc:00:00:0a:01"));
        assertNull(Neighbor.normalMac("58:9c:fc:00:00:0g"));
        assertNull(Neighbor.normalMac("58::fc:00:00:0a"));
    }
}
