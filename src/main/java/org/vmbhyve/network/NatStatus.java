package org.vmbhyve.network;

import java.util.Optional;

/** A switch's NAT as {@code vm switch info} shows it: on or off, and the DHCP range when served. */
public record NatStatus(boolean enabled, Optional<DhcpRange> dhcpRange) {
}
