package org.vmbhyve.network;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.Tags;
import org.vmbhyve.core.TextTable;

/**
 * One switch as {@code vm switch list} shows it; the components are its {@code --json} fields.
 * Null is a setting that is unset or does not apply to the switch's type (upstream's {@code -}
 * and {@code n/a}).
 *
 * @param iface the bridge, vale or netgraph node guests attach to
 * @param privateMode the {@code private_NAME} word as written ({@code yes} or {@code no})
 * @param mtu the MTU and VLAN settings as written (strings, as every setting in the JSON)
 * @param ports the uplink interfaces
 */
public record SwitchRow(String name, String type, String iface, String address, String address6,
                        String privateMode, String mtu, String vlan, List<String> ports) {

    static SwitchRow of(Switch sw, SwitchEnv env, String iface, String privateMode, boolean hasMtu) {
        String name = sw.name();
        return new SwitchRow(name, sw.type(), iface, blankToNull(env.setting("addr_" + name)),
                blankToNull(env.setting("addr6_" + name)), privateMode,
                hasMtu ? blankToNull(env.setting("mtu_" + name)) : null, blankToNull(env.setting("vlan_" + name)),
                Tags.split(env.setting("ports_" + name)));
    }

    /** The table, cell for cell as upstream's {@code column -t} lays it out. */
    public static String render(List<SwitchRow> rows) {
        TextTable table = new TextTable().row("NAME", "TYPE", "IFACE", "ADDRESS", "PRIVATE", "MTU", "VLAN", "PORTS");
        for (SwitchRow row : rows) {
            for (List<String> cells : row.cells()) {
                table.row(cells);
            }
        }
        return table.render();
    }

    private List<List<String>> cells() {
        String ports = String.join(" ", this.ports);
        String mtu = text(this.mtu);
        String vlan = text(this.vlan);
        return switch (type) {
            case "manual" -> List.of(List.of(name, type, text(iface), "n/a", text(privateMode), "n/a", "n/a", "n/a"));
            case "vale", "netgraph" -> List.of(List.of(name, type, text(iface), "n/a", "n/a", "n/a", "n/a", "n/a"));
            case "vxlan" -> List.of(List.of(name, type, dash(text(iface)), dash(text(address)), text(privateMode), "n/a",
                    vlan, ports));
            default -> standardCells(ports, mtu, vlan);
        };
    }

    private List<List<String>> standardCells(String ports, String mtu, String vlan) {
        List<List<String>> rows = new ArrayList<>();
        String id = text(iface);
        if (address != null && address6 != null) {
            // the IPv6 address goes on a second row, under the first one's columns
            rows.add(List.of(name, type, dash(id), address, text(privateMode), dash(mtu), dash(vlan), dash(ports)));
            rows.add(List.of(blank(name), blank(type), blank(id), address6, blank(text(privateMode)), blank(mtu),
                    blank(vlan), blank(ports)));
        } else {
            rows.add(List.of(name, type, dash(id), address != null ? address : dash(text(address6)), text(privateMode),
                    dash(mtu), dash(vlan), dash(ports)));
        }
        return rows;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String dash(String value) {
        return value.isEmpty() ? "-" : value;
    }

    private static String blank(String value) {
        return " ".repeat(value.length());
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
