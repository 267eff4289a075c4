package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;

/**
 * An address the host has seen for a link-layer address: a line of its ARP or NDP table, or a
 * DHCP lease. Plain loops only: {@code vm info} reads these.
 *
 * @param address an IPv4 or IPv6 address, a link-local one with its {@code %interface} scope
 * @param mac the link-layer address, lower case with two digits a byte ({@code 58:9c:fc:00:00:0a})
 * @param iface the interface it was seen on; null for a lease, which names none
 */
public record Neighbor(String address, String mac, String iface) {

    /**
     * A MAC in one spelling, so a config's {@code 58:9C:FC:0:0:A} matches FreeBSD's
     * {@code ether_ntoa} ({@code %02x} a byte); null when TEXT is not six hex bytes.
     */
    public static String normalMac(String text) {
        StringBuilder out = new StringBuilder(17);
        int bytes = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ':') {
                int length = i - start;
                if (length < 1 || length > 2 || ++bytes > 6) {
                    return null;
                }
                if (length == 1) {
                    out.append('0');
                }
                for (int j = start; j < i; j++) {
                    char c = Character.toLowerCase(text.charAt(j));
                    if (Character.digit(c, 16) < 0) {
                        return null;
                    }
                    out.append(c);
                }
                if (i < text.length()) {
                    out.append(':');
                }
                start = i + 1;
            }
        }
        return bytes == 6 ? out.toString() : null;
    }

    /** Whole lines of TEXT, without their newline. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i > start) {
                    lines.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }
}
