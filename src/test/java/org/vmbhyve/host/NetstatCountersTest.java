package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The netstat -biI parser on published FreeBSD outputs (src/test/resources/host-output). */
class NetstatCountersTest {

    @Test
    void bridgeRowWhoseFiguresOverflowTheirColumns() throws IOException {
        assertEquals(new NetstatCounters(5313151200L, 13320749763L),
                NetstatCounters.parse(IfconfigListingTest.output("netstat-biI-bridge0-62.txt")));
    }

    @Test
    void tapRow() throws IOException {
        assertEquals(new NetstatCounters(43722, 475060),
                NetstatCounters.parse(IfconfigListingTest.output("netstat-biI-tap0-62.txt")));
    }

    /** usr.bin/netstat/if.c of 14/15: columns as wide as their widest cell, a down interface's name starred, address rows after the link row. */
    @Test
    void currentLayoutWithAddressRows() {
        String text = """
                Name        Mtu Network      Address           Ipkts Ierrs Idrop     Ibytes    Opkts Oerrs     Obytes  Coll
                vm-public  1500 <Link#1>     f6:e8:27:82:00:51   355     0     0      43722     5519     0     475060     0
                vm-public     - 10.0.0.0/24  10.0.0.1              0     -     -          0        0     -          0     -
                """;
        assertEquals(new NetstatCounters(43722, 475060), NetstatCounters.parse(text));
        assertEquals(new NetstatCounters(1, 2), NetstatCounters.parse(
                "Name    Mtu Network   Address            Ipkts Ierrs Idrop     Ibytes    Opkts Oerrs     Obytes  Coll\n"
                + "tap0*  1500 <Link#2>  58:9c:fc:2b:9e:a3      0     0     0          1        0     0          2     0\n"));
    }

    @Test
    void noStatisticsRow() {
        assertNull(NetstatCounters.parse(""));
        // FreeBSD's netstat -biI of an interface that is gone: the header alone (usr.bin/netstat/if.c)
        assertNull(NetstatCounters.parse("Name    Mtu Network   Address     Ipkts Ierrs Idrop     Ibytes    Opkts Oerrs"
                + "     Obytes  Coll\n"));
    }
}
