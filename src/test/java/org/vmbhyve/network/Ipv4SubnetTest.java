package org.vmbhyve.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ipv4SubnetTest {

    private static Ipv4Subnet subnet(String cidr) {
        return Ipv4Subnet.parse(cidr).orElseThrow();
    }

    @Test
    void theNetworkHasTheHostBitsCleared() {
        assertEquals("10.0.0.0/24", subnet("10.0.0.1/24").network());
        assertEquals("172.16.0.0/12", subnet("172.20.3.4/12").network());
        assertEquals("192.0.2.4/30", subnet("192.0.2.5/30").network());
    }

    @Test
    void dhcpTakesTheLongerSideOfTheSwitchsOwnAddress() {
        assertEquals(new DhcpRange("10.0.0.2", "10.0.0.254"), subnet("10.0.0.1/24").dhcpRange());
        assertEquals(new DhcpRange("10.0.0.1", "10.0.0.253"), subnet("10.0.0.254/24").dhcpRange());
        assertEquals(new DhcpRange("10.0.0.101", "10.0.0.254"), subnet("10.0.0.100/24").dhcpRange());
        assertEquals(new DhcpRange("10.0.0.129", "10.0.0.199"), subnet("10.0.0.200/25").dhcpRange());
        assertEquals(new DhcpRange("192.0.2.6", "192.0.2.6"), subnet("192.0.2.5/30").dhcpRange());
        // a switch on the network address itself leaves every host address free
        assertEquals(new DhcpRange("10.0.0.1", "10.0.0.254"), subnet("10.0.0.0/24").dhcpRange());
    }

    @Test
    void onlyWellFormedAddressesWithRoomForAGuestQualify() {
        assertEquals(Optional.empty(), Ipv4Subnet.parse("10.0.0.256/24"));
        assertEquals(Optional.empty(), Ipv4Subnet.parse("10.0.0.1/33"));
        assertEquals(Optional.empty(), Ipv4Subnet.parse("10.0.0.1"));
        assertEquals(Optional.empty(), Ipv4Subnet.parse("fd00::1/64"));
        assertTrue(subnet("10.0.0.1/30").hasRoomForGuests());
        assertFalse(subnet("10.0.0.1/31").hasRoomForGuests());
        assertFalse(subnet("10.0.0.1/32").hasRoomForGuests());
    }
}
