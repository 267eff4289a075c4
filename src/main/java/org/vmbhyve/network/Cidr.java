package org.vmbhyve.network;

import java.util.regex.Pattern;

/**
 * Upstream's address check ({@code util::validate_cidr} without GNU ipcalc): an IPv4 or IPv6
 * address with a prefix length, in the shapes its regular expressions accept. Done in-process:
 * no {@code pkg} or {@code ipcalc} call.
 */
final class Cidr {

    private static final Pattern V4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}");
    private static final Pattern V6 = Pattern.compile("([0-9a-fA-F]{0,4}:){1,7}[0-9a-fA-F]{0,4}/[0-9]{1,3}");

    private Cidr() {
    }

    static boolean isValid(String address) {
        return V4.matcher(address).matches() || V6.matcher(address).matches();
    }
}
