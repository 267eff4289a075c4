package org.vmbhyve.network;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.host.Ifconfig;
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

    /** Bytes in and out from {@code netstat -biI}: its link line's Ibytes and Obytes columns. */
    private long[] traffic(String bridge) {
        String link = null;
        for (String line : runner.run("netstat", "-biI", bridge).lines()) {
            if (line.contains("<Link#")) {
                link = line;
            }
        }
        if (link == null) {
            return null;
        }
        String[] f = link.trim().split("\\s+");
        if (f.length < 5) {
            return null;
        }
        try {
            return new long[] {Long.parseLong(f[f.length - 5]), Long.parseLong(f[f.length - 2])};
        } catch (NumberFormatException e) {
            // not a statistics line after all
            return null;
        }
    }

    private static String vlan(String value) {
        return value.isEmpty() ? null : value;
    }

    private List<String> guestPorts(String bridge) {
        List<String> ports = new ArrayList<>();
        for (String line : ifconfig.run(bridge).lines()) {
            String t = line.trim();
            if (t.startsWith("member: tap")) {
                ports.add(t.split("\\s+")[1]);
            }
        }
        return ports;
    }

    /** The guest named in a tap's {@code vmnet/GUEST/N/SWITCH} description. */
    private String guestOf(String tap) {
        for (String line : ifconfig.run(tap).lines()) {
            String t = line.trim();
            if (t.startsWith("description: vmnet")) {
                String[] parts = t.split("\\s+")[1].split("/");
                return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null;
            }
        }
        return null;
    }
}
