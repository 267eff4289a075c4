package org.vmbhyve.network;

/** The first and last address a switch's DHCP server hands out, inclusive. */
public record DhcpRange(String first, String last) {
}
