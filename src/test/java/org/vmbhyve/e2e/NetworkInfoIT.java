package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What vm reads back from the host's network tools, on the fake host's faithful ifconfig and
 * netstat: a running guest's NIC in {@code vm info} (started by us, or still running from
 * vm-bhyve), and the uplink address of a vxlan switch.
 */
class NetworkInfoIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-netinfo-");
    }

    @AfterEach
    void tearDown() throws Exception {
        host.endStubGuests();
        Replay.cleanUp(host);
    }

    private static String nicLines(String info) {
        return info.substring(info.indexOf("  network-interface\n"), info.indexOf("\n  virtual-disk"));
    }

    @Test
    void aGuestWeStartedShowsItsTapBridgeAndTraffic() throws Exception {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        assertEquals(0, host.vm("start", "web").exit());
        FakeHost.await("web's tap to be open", () -> Files.exists(host.state.resolve("if/tap0/opened-by"))
                && Files.exists(host.hostRoot.resolve("dev/vmm/web")));
        // the tap sent 4096 bytes (into the guest) and received 2048 (from it)
        Files.writeString(host.state.resolve("if/tap0/counters"), "10 0 0 2048 20 0 4096 0\n");
        String expected = """
                  network-interface
                    number: 0
                    emulation: virtio-net
                    virtual-switch: public
                    fixed-mac-address: MAC
                    fixed-device: -
                    active-device: tap0
                    desc: vmnet/web/0/public
                    mtu: 1500
                    bridge: vm-public
                    bytes-in: 4096 (4.000K)
                    bytes-out: 2048 (2.000K)
                """;
        FakeHost.Run info = host.vm("info", "web");
        assertEquals(0, info.exit(), info.stderr());
        assertEquals(expected, new Normalizer(host).text(nicLines(info.stdout())));
        // one interface listing for all the NICs (netstat is a probe, not recorded)
        assertEquals(List.of("'ifconfig' '-g' 'vm-switch'", "'bhyvectl' '--get-stats' '--vm=web'", "'ifconfig'"),
                info.hostCalls());
        // the same under the CIDR address format
        host.env("IFCONFIG_FORMAT", "inet:cidr,inet6:cidr");
        assertEquals(expected, new Normalizer(host).text(nicLines(host.vm("info", "web").stdout())));

        JsonNode active = new ObjectMapper().readTree(host.vm("info", "--json", "web", "db").stdout());
        JsonNode webNic = active.get(0).get("networkInterfaces").get(0).get("active");
        assertEquals("tap0", webNic.get("device").asText());
        assertEquals("vmnet/web/0/public", webNic.get("desc").asText());
        assertEquals(1500, webNic.get("mtu").asInt());
        assertEquals("vm-public", webNic.get("bridge").asText());
        assertEquals(4096, webNic.get("bytesIn").asLong());
        assertEquals(2048, webNic.get("bytesOut").asLong());
        assertTrue(active.get(1).get("networkInterfaces").get(0).get("active").isNull(), "db is not running");
        assertTrue(!host.vm("info", "db").stdout().contains("active-device"), "db is not running");
        host.endStubGuests();
        FakeHost.await("web's supervisor to clean up", () -> !Files.exists(host.vmDir.resolve("web/run.lock")));
    }

    @Test
    void aGuestStillRunningFromVmBhyveIsFoundByItsTapDescription() throws Exception {
        // what vm-bhyve left: its tap on the switch, held open by "bhyve: db"; no run.lock of ours
        host.sh("ifconfig tap create > /dev/null && ifconfig tap0 descr vmnet/db/0/public group vm-port"
                + " && ifconfig vm-public addm tap0 && ifconfig tap0 up"
                + " && echo '99999999 bhyve: db' >> state/procs && echo 99999999 > state/if/tap0/opened-by"
                + " && : > host/dev/vmm/db");
        FakeHost.Run info = host.vm("info", "db");
        assertEquals(0, info.exit(), info.stderr());
        String nic = nicLines(info.stdout());
        assertTrue(nic.endsWith("""
                    active-device: tap0
                    desc: vmnet/db/0/public
                    mtu: 1500
                    bridge: vm-public
                    bytes-in: 475060 (463.925K)
                    bytes-out: 43722 (42.697K)
                """), nic);
        // the listing reads as FreeBSD's: a running tap opened by that process
        String tap = host.vm("info", "db").stdout();
        assertTrue(tap.contains("state: running"), tap);
    }

    @Test
    void aRunningGuestWithoutATapShowsTheLinesEmpty() throws Exception {
        host.sh(": > host/dev/vmm/web");
        String nic = nicLines(host.vm("info", "web").stdout());
        assertTrue(nic.endsWith("""
                    fixed-device: -
                    active-device: -
                    desc: -
                    mtu: \n    bridge: -
                """), nic);
    }

    @Test
    void aVxlanSwitchNeedsAnIpv4AddressOnItsUplink() throws Exception {
        Files.createDirectories(host.state.resolve("if/em1"));
        FakeHost.Run refused = host.vm("switch", "create", "-t", "vxlan", "-n", "7", "-i", "em1", "overlay");
        assertEquals(1, refused.exit());
        assertEquals("vm: ERROR: failed to create vxlan interface for switch overlay: em1 has no IPv4 address\n",
                new Normalizer(host).text(refused.stderr()));
        assertEquals(List.of("'ifconfig' '-g' 'viid-380e5@'", "'ifconfig' 'em1'"), refused.hostCalls());
        assertTrue(!Files.exists(host.state.resolve("if/vxlan7")) && !Files.exists(host.state.resolve("if/vm-overlay")));

        // the local address reads in the CIDR format as in the default one
        host.env("IFCONFIG_FORMAT", "inet:cidr");
        FakeHost.Run made = host.vm("switch", "create", "-t", "vxlan", "-n", "8", "-i", "em0", "lab");
        assertEquals(0, made.exit(), made.stderr());
        assertTrue(made.hostCalls().get(2).startsWith("'ifconfig' 'vxlan8' 'create' 'vxlanid' '8' 'vxlanlocal' '192.0.2.10' "),
                made.hostCalls().toString());
    }
}
