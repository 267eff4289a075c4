package org.vmbhyve.info;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.config.TextFile;
import org.vmbhyve.host.ArpTable;
import org.vmbhyve.host.DnsmasqLeases;
import org.vmbhyve.host.NdpTable;
import org.vmbhyve.host.Neighbor;
import org.vmbhyve.host.ProcessRunner;
import org.vmbhyve.network.Switches;

/**
 * The addresses the host has seen for a running guest's NIC: its MAC in the DHCP leases of a
 * NAT switch, then in the ARP and NDP tables on the guest's bridge. The tables are read once
 * per command, and only when a guest needs them; a host without {@code arp} or {@code ndp}
 * (or a guest not yet on the network) simply has none. Plain loops only: {@code vm info}
 * and {@code vm list --json} read this.
 */
final class GuestAddresses {

    private final ProcessRunner runner;
    private final SystemConfig system;
    private List<Neighbor> tables;
    private final Map<String, List<Neighbor>> leases = new HashMap<>();

    GuestAddresses(ProcessRunner runner, SystemConfig system) {
        this.runner = runner;
        this.system = system;
    }

    /**
     * IPv4 before IPv6, each address once.
     *
     * @param mac the NIC's MAC as configured
     * @param bridge the bridge its tap is a member of; null when it has none (no address then)
     * @param switchName the switch the NIC is configured on, whose leases count
     */
    List<String> of(String mac, String bridge, String switchName) {
        List<String> addresses = new ArrayList<>();
        String wanted = mac == null ? null : Neighbor.normalMac(mac);
        if (wanted == null || bridge == null) {
            return addresses;
        }
        if (switchName != null) {
            for (Neighbor lease : leasesOf(switchName)) {
                add(addresses, lease, wanted);
            }
        }
        if (tables == null) {
            // probes: quiet where the tool is missing, as on a host without IPv6
            tables = new ArrayList<>(ArpTable.parse(runner.run("arp", "-an").stdout()));
            tables.addAll(NdpTable.parse(runner.run("ndp", "-an").stdout()));
        }
        for (Neighbor entry : tables) {
            if (bridge.equals(entry.iface())) {
                add(addresses, entry, wanted);
            }
        }
        return addresses;
    }

    private List<Neighbor> leasesOf(String switchName) {
        List<Neighbor> known = leases.get(switchName);
        if (known == null) {
            known = List.of();
            Path file = Switches.leaseFile(system, switchName);
            if (Files.exists(file)) {
                try {
                    known = DnsmasqLeases.parse(TextFile.read(file));
                } catch (IOException e) {
                    // dnsmasq rewrites it as it goes; the tables still answer
                }
            }
            leases.put(switchName, known);
        }
        return known;
    }

    private static void add(List<String> addresses, Neighbor entry, String mac) {
        if (entry.mac().equals(mac) && !addresses.contains(entry.address())) {
            addresses.add(entry.address());
        }
    }
}
