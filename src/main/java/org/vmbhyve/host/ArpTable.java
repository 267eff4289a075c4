package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * The lines of {@code arp -an} (usr.sbin/arp/arp.c and arp_netlink.c, {@code print_entry}):
 * {@code ? (ADDRESS) at MAC on IFACE expires in N seconds [ethernet]}, with {@code permanent} or
 * {@code expired} instead of the expiry, {@code published} after it, and {@code (incomplete)}
 * for the MAC of an address still being resolved (skipped: it names no MAC).
 */
public final class ArpTable {

    private ArpTable() {
    }

    public static List<Neighbor> parse(String text) {
        List<Neighbor> entries = new ArrayList<>();
        for (String line : Neighbor.lines(text)) {
            List<String> words = Chars.words(line);
            int at = words.indexOf("at");
            int on = words.indexOf("on");
            if (at < 2 || on != at + 2 || on + 1 >= words.size()) {
                continue;
            }
            String address = words.get(at - 1);
            String mac = Neighbor.normalMac(words.get(at + 1));
            if (mac == null || address.length() < 3 || address.charAt(0) != '(' || address.charAt(address.length() - 1) != ')') {
                continue;
            }
            entries.add(new Neighbor(address.substring(1, address.length() - 1), mac, words.get(on + 1)));
        }
        return entries;
    }
}
