package org.vmbhyve.media;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.vmbhyve.error.VmException;

/**
 * {@code -4} / {@code -6}: which IP version a download may use.
 *
 * <p>Limitation: java.net.http.HttpClient cannot pin an address family per request. We set the
 * JVM-wide preference and check that the host has an address of the family before the client
 * is made. The preference only takes effect if set before the JVM first touches the network
 * (true for a {@code vm} run, which downloads once). A redirect to another host is not checked
 * again. With both flags (fetch lets the last one win; the command keeps two flags, not their
 * order) either family is used.
 */
public enum AddressFamily {
    ANY(null, null, null),
    IPV4(Inet4Address.class, "IPv4", "java.net.preferIPv4Stack"),
    IPV6(Inet6Address.class, "IPv6", "java.net.preferIPv6Addresses");

    private final Class<? extends InetAddress> type;
    private final String label;
    private final String jvmProperty;

    AddressFamily(Class<? extends InetAddress> type, String label, String jvmProperty) {
        this.type = type;
        this.label = label;
        this.jvmProperty = jvmProperty;
    }

    public static AddressFamily of(boolean ipv4, boolean ipv6) {
        if (ipv4 == ipv6) {
            return ANY;
        }
        return ipv4 ? IPV4 : IPV6;
    }

    /** Sets the JVM preference (first: resolving initialises the networking classes), then checks. */
    void select(String host) {
        if (this == ANY) {
            return;
        }
        System.setProperty(jvmProperty, "true");
        check(host);
    }

    /** Fails unless HOST resolves to at least one address of this family. */
    void check(String host) {
        if (this == ANY) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            addresses = new InetAddress[0];
        }
        if (Arrays.stream(addresses).noneMatch(type::isInstance)) {
            throw new VmException("no " + label + " address for " + host);
        }
    }
}
