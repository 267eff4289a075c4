package org.vmbhyve.guest;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.VmException;

/**
 * The cloud-init network settings of {@code vm create -n}: {@code ;}-separated
 * {@code key=value} pairs (empty fields ignored), and the netplan v2 {@code network-config}
 * file upstream generates from them.
 */
public record NetConfig(String iface, String addresses, String gateway4, String gateway6,
                        String nameservers, String searchDomains, String hostname) {

    public static NetConfig parse(String text) {
        String iface = "", ip = "", gw4 = "", gw6 = "", ns = "", search = "", host = "";
        for (String pair : text.split(";", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new VmException("invalid netconfig entry - '" + pair + "'");
            }
            String key = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            switch (key) {
                case "interface" -> iface = value;
                case "ip" -> ip = value;
                case "gateway4" -> gw4 = value;
                case "gateway6" -> gw6 = value;
                case "nameservers" -> ns = value;
                case "searchdomains" -> search = value;
                case "hostname" -> host = value;
                default -> throw new VmException("invalid netconfig option - '" + key + "'");
            }
        }
        return new NetConfig(iface, ip, gw4, gw6, ns, search, host);
    }

    /** The {@code network-config} file for a NIC with the given MAC. */
    public String render(String mac) {
        List<String> out = new ArrayList<>(List.of(
                "version: 2",
                "ethernets:",
                "  id0:",
                "    set-name: " + (iface.isEmpty() ? "eth0" : iface),
                "    match:",
                "      macaddress: " + mac));
        boolean v4 = false;
        boolean v6 = false;
        if (!addresses.isEmpty()) {
            for (String addr : addresses.split(",")) {
                if (addr.contains(":")) {
                    v6 = true;
                } else if (addr.contains(".")) {
                    v4 = true;
                }
            }
            out.add("    addresses: [" + addresses + "]");
        }
        if (!v4) {
            out.add("    dhcp4: true");
        }
        if (!v6) {
            out.add("    dhcp6: true");
            out.add("    accept-ra: true");
        }
        if (!searchDomains.isEmpty() || !nameservers.isEmpty()) {
            out.add("    nameservers:");
            if (!nameservers.isEmpty()) {
                out.add("      addresses: [" + nameservers + "]");
            }
            if (!searchDomains.isEmpty()) {
                out.add("      search: [" + searchDomains + "]");
            }
        }
        if (!gateway4.isEmpty() || !gateway6.isEmpty()) {
            out.add("    routes:");
            if (!gateway4.isEmpty()) {
                out.add("      - to: 0.0.0.0/0");
                out.add("        via: " + gateway4);
            }
            if (!gateway6.isEmpty()) {
                out.add("      - to: ::/0");
                out.add("        via: " + gateway6);
            }
        }
        return String.join("\n", out) + "\n";
    }
}
