package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * A dnsmasq lease file ({@code dhcp-leasefile}; dnsmasq's src/lease.c writes it, its
 * contrib/wrt/lease_update.sh documents it): one DHCPv4 lease a line,
 * {@code EXPIRY MAC ADDRESS HOSTNAME|* CLIENT-ID|*}. DHCPv6 leases follow a {@code duid} line
 * and carry an IAID where the MAC would be; they name no MAC and are skipped.
 */
public final class DnsmasqLeases {

    private DnsmasqLeases() {
    }

    public static List<Neighbor> parse(String text) {
        List<Neighbor> entries = new ArrayList<>();
        for (String line : Neighbor.lines(text)) {
            List<String> words = Chars.words(line);
            if (words.size() < 3 || !Chars.isDigits(words.get(0))) {
                continue;
            }
            String mac = Neighbor.normalMac(words.get(1));
            if (mac != null) {
                entries.add(new Neighbor(words.get(2), mac, null));
            }
        }
        return entries;
    }
}
