package org.vmbhyve.network;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.IfconfigListing;
import org.vmbhyve.host.NetstatCounters;
import org.vmbhyve.host.ProcessRunner;
import org.vmbhyve.guest.Tags;

/** {@code vm switch info}: a block per switch with its settings, traffic and guest ports. */
public final class SwitchInspector {

    private final Switches switches;
    private final SystemConfig system;
    private final Ifconfig ifconfig;
    private final ProcessRunner runner;

    public SwitchInspector(Switches switches, SystemConfig system, ProcessRunner runner) {
        this.switches = switches;
        this.system = system;
        this.ifconfig = new Ifconfig(runner);
        this.runner = runner;
    }

    public SwitchDetails inspect(String name) {
        String type = system.get("type_" + name, "standard");
        String id = switches.get(name).id().orElse("");
        // read before the traffic, as the text block shows it first
        NatStatus nat = switches.natStatus(name);
        String bridge = type.equals("vale") || type.equals("netgraph") ? system.value("bridge_" + name) : id;
        long[] traffic = bridge.isEmpty() ? null : traffic(bridge);
        List<SwitchDetails.VirtualPort> ports = new ArrayList<>();
        if (!bridge.isEmpty()) {
            guestPorts(bridge).forEach(port -> ports.add(new SwitchDetails.VirtualPort(port, guestOf(port))));
        }
        return new SwitchDetails(name, type, id.isEmpty() ? null : id, vlan(system.value("vlan_" + name)),
                system.values().get("ports_" + name).map(Tags::split).orElse(null),
                nat.enabled(), nat.dhcpRange().orElse(null),
                traffic == null ? null : traffic[0], traffic == null ? null : traffic[1], ports);
    }

    /** Bytes in and out of the bridge, from {@code netstat -biI}. */
    private long[] traffic(String bridge) {
        NetstatCounters counters = NetstatCounters.parse(runner.runShowingErrors("netstat", "-biI", bridge).stdout());
        return counters == null ? null : new long[] {counters.inBytes(), counters.outBytes()};
    }

    private static String vlan(String value) {
        return value.isEmpty() ? null : value;
    }

    /** The bridge's members whose name starts with tap, as upstream greps them (newest first, as listed). */
    private List<String> guestPorts(String bridge) {
        List<String> ports = new ArrayList<>();
        IfconfigListing.Interface listed = IfconfigListing.first(ifconfig.show(bridge).stdout());
        if (listed != null) {
            for (IfconfigListing.Member member : listed.members()) {
                if (member.name().startsWith("tap")) {
                    ports.add(member.name());
                }
            }
        }
        return ports;
    }

    /** The guest named in a tap's {@code vmnet/GUEST/N/SWITCH} description. */
    private String guestOf(String tap) {
        IfconfigListing.Interface listed = IfconfigListing.first(ifconfig.show(tap).stdout());
        String description = listed == null || listed.description() == null ? "" : listed.description();
        if (!description.startsWith("vmnet")) {
            return null;
        }
        String[] parts = description.split("/");
        return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
    }
}
