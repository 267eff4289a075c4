package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A running guest's addresses: what the fake host's ARP and NDP tables (arp -an, ndp -an) and a
 * NAT switch's dnsmasq leases list for its MAC on its bridge, in vm info and vm list --json.
 */
class GuestAddressesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private FakeHost host;
    private String mac;

    @BeforeEach
    void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-addresses-");
        String conf = Files.readString(host.vmDir.resolve("web/web.conf"));
        mac = conf.replaceAll("(?s).*network0_mac=\"([^\"]+)\".*", "$1");
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        assertEquals(0, host.vm("start", "web").exit());
        FakeHost.await("web to run", () -> Files.exists(host.state.resolve("if/tap0/opened-by"))
                && Files.exists(host.hostRoot.resolve("dev/vmm/web")));
    }

    @AfterEach
    void tearDown() throws Exception {
        host.endStubGuests();
        FakeHost.await("web's supervisor to clean up", () -> !Files.exists(host.vmDir.resolve("web/run.lock")));
        Replay.cleanUp(host);
    }

    @Test
    void theTablesAnswerForTheGuestsMacOnItsBridgeOnly() throws Exception {
        FakeHost.Run before = host.vm("info", "web");
        assertFalse(before.stdout().contains("    addresses:"), "no line without addresses: " + before.stdout());
        // the guest's MAC on its bridge (v4, v6 global and link-local), on another interface, and another MAC
        Files.writeString(host.state.resolve("neighbors"), String.join("\n",
                "10.0.0.5 " + mac + " vm-public",
                "192.168.9.9 " + mac + " em0",
                "10.0.0.6 58:9c:fc:0f:ff:ff vm-public",
                "10.0.0.7 (incomplete) vm-public",
                "2001:db8::5 " + mac + " vm-public 86398",
                "fe80::5a9c:fcff:fe00:5 " + mac + " vm-public permanent", ""));
        FakeHost.Run info = host.vm("info", "web");
        assertEquals(0, info.exit(), info.stderr());
        assertTrue(info.stdout().contains("""
                    bytes-out: 43722 (42.697K)
                    addresses: 10.0.0.5 2001:db8::5 fe80::5a9c:fcff:fe00:5%vm-public
                """), info.stdout());
        // arp and ndp are probes: the recorded calls are as before
        assertEquals(before.hostCalls(), info.hostCalls());

        JsonNode details = JSON.readTree(host.vm("info", "--json", "web", "db").stdout());
        assertEquals(List.of("10.0.0.5", "2001:db8::5", "fe80::5a9c:fcff:fe00:5%vm-public"),
                strings(details.get(0).get("networkInterfaces").get(0).get("active").get("addresses")));
        assertTrue(details.get(1).get("networkInterfaces").get(0).get("active").isNull());

        JsonNode rows = JSON.readTree(host.vm("list", "--json").stdout());
        assertEquals("db", rows.get(0).get("name").asText());
        assertTrue(rows.get(0).get("addresses").isNull(), "db is stopped");
        assertEquals(List.of("10.0.0.5", "2001:db8::5", "fe80::5a9c:fcff:fe00:5%vm-public"), strings(rows.get(1).get("addresses")));
        // the table stays as it was and asks nothing more
        FakeHost.Run plain = host.vm("list");
        assertFalse(plain.stdout().contains("10.0.0.5"));
        assertEquals(List.of(), plain.hostCalls());
    }

    @Test
    void aNatSwitchsLeasesCountFirst() throws Exception {
        // dnsmasq's lease file of switch public (vm switch nat public on writes it there)
        Files.writeString(host.vmDir.resolve(".config/dnsmasq-public.leases"),
                "1788160701 " + mac.toUpperCase() + " 10.0.0.141 web *\n1788160701 58:9c:fc:0f:ff:ff 10.0.0.142 other *\n");
        Files.writeString(host.state.resolve("neighbors"), "10.0.0.141 " + mac + " vm-public\n10.0.0.8 " + mac + " vm-public\n");
        FakeHost.Run info = host.vm("info", "web");
        assertTrue(info.stdout().contains("    addresses: 10.0.0.141 10.0.0.8\n"), info.stdout());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(node -> out.add(node.asText()));
        return out;
    }
}
