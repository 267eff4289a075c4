package org.vmbhyve.network;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A switch's IPv4 address with its prefix ({@code addr_NAME}, e.g. {@code 10.0.0.1/24}): the
 * subnet NAT translates and the addresses DHCP may hand out.
 */
record Ipv4Subnet(long address, int prefix) {

    private static final Pattern CIDR = Pattern.compile("([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})\\.([0-9]{1,3})/([0-9]{1,2})");

    /** The smallest subnet with room for a guest beside the switch (/31 and /32 have none). */
    static final int LONGEST_USABLE_PREFIX = 30;

    /** The address when it is a well-formed IPv4 CIDR (octets up to 255, prefix up to 32). */
    static Optional<Ipv4Subnet> parse(String cidr) {
        Matcher m = CIDR.matcher(cidr);
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = address << 8 | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        return prefix > 32 ? Optional.empty() : Optional.of(new Ipv4Subnet(address, prefix));
    }

    boolean hasRoomForGuests() {
        return prefix <= LONGEST_USABLE_PREFIX;
    }

    /** The subnet in CIDR notation, host bits cleared ({@code 10.0.0.0/24}). */
    String network() {
        return dotted(first() - 1) + "/" + prefix;
    }

    /**
     * The longest run of host addresses on one side of the switch's own, so DHCP never hands out
     * the switch's address, the network or the broadcast address.
     */
    DhcpRange dhcpRange() {
        long low = first();
        long high = first() + hostCount() - 1;
        boolean inside = address >= low && address <= high;
        if (!inside) {
            return new DhcpRange(dotted(low), dotted(high));
        }
        return address - low >= high - address
                ? new DhcpRange(dotted(low), dotted(address - 1))
                : new DhcpRange(dotted(address + 1), dotted(high));
    }

    /** The first host address: the network address plus one. */
    private long first() {
        long mask = (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return (address & mask) + 1;
    }

    private long hostCount() {
        return (1L << (32 - prefix)) - 2;
    }

    private static String dotted(long a) {
        return (a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255);
    }
}
