package org.vmbhyve.network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.host.Ifconfig;
import org.vmbhyve.host.ProcessRunner;
import org.vmbhyve.info.BytesHuman;

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

    public String render(String name) {
        String type = system.get("type_" + name, "standard");
        String id = switches.get(name).id().orElse("");
        StringBuilder out = new StringBuilder("------------------------\nVirtual Switch: " + name
                + "\n------------------------\n");
        out.append("  type: ").append(type).append('\n');
        out.append("  ident: ").append(id.isEmpty() ? "-" : id).append('\n');
        out.append("  vlan: ").append(system.get("vlan_" + name, "-")).append('\n');
        out.append("  physical-ports: ").append(system.get("ports_" + name, "-")).append('\n');
        // only switches with NAT get these lines, so every other block reads as upstream's
        NatStatus nat = switches.natStatus(name);
        if (nat.enabled()) {
            out.append("  nat: on\n");
            nat.dhcpRange().ifPresent(r -> out.append("  dhcp-range: ").append(r.first()).append('-')
                    .append(r.last()).append('\n'));
        }
        String bridge = type.equals("vale") || type.equals("netgraph") ? system.value("bridge_" + name) : id;
        if (!bridge.isEmpty()) {
            traffic(bridge, out);
            for (String port : guestPorts(bridge)) {
                out.append("\n  virtual-port\n    device: ").append(port).append('\n')
                        .append("    vm: ").append(guestOf(port)).append('\n');
            }
        }
        return out.append('\n').toString();
    }

    /** Bytes in and out from {@code netstat -biI}: its link line's Ibytes and Obytes columns. */
    private void traffic(String bridge, StringBuilder out) {
        String link = null;
        for (String line : runner.run("netstat", "-biI", bridge).lines()) {
            if (line.contains("<Link#")) {
                link = line;
            }
        }
        if (link == null) {
            return;
        }
        String[] f = link.trim().split("\\s+");
        if (f.length < 5) {
            return;
        }
        String in = f[f.length - 5];
        String outBytes = f[f.length - 2];
        try {
            out.append("  bytes-in: ").append(in).append(" (").append(human(in)).append(")\n");
            out.append("  bytes-out: ").append(outBytes).append(" (").append(human(outBytes)).append(")\n");
        } catch (NumberFormatException e) {
            // not a statistics line after all
        }
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
                return parts.length > 1 && !parts[1].isEmpty() ? parts[1] : "-";
            }
        }
        return "-";
    }

    private static String human(String bytes) {
        return BytesHuman.format(new java.math.BigDecimal(new BigInteger(bytes)), 3, 0);
    }
}
