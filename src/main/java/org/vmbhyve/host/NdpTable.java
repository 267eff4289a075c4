package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * The neighbour cache of {@code ndp -an} (usr.sbin/ndp/ndp.c and ndp_netlink.c): a
 * {@code Neighbor Linklayer Address Netif Expire S Flags} header, then per entry the address
 * (link-local ones with their {@code %interface} scope; padded to 36 columns, longer ones push
 * the rest right), the MAC or {@code (incomplete)}, the interface, the expiry, the state letter
 * and the flags. Split on blanks, never by column.
 */
public final class NdpTable {

    private NdpTable() {
    }

    public static List<Neighbor> parse(String text) {
        List<Neighbor> entries = new ArrayList<>();
        for (String line : Neighbor.lines(text)) {
            List<String> words = Chars.words(line);
            if (words.size() < 3 || words.get(0).indexOf(':') < 0) {
                continue;
            }
            String mac = Neighbor.normalMac(words.get(1));
            if (mac != null) {
                entries.add(new Neighbor(words.get(0), mac, words.get(2)));
            }
        }
        return entries;
    }
}
