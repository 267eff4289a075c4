package org.vmbhyve.network;

/**
 * The flags of {@code vm switch create}, already checked; empty strings mean "not given".
 *
 * @param iface {@code -i}: the uplink interface
 * @param bridge {@code -b}: the existing bridge a manual switch adopts
 */
public record SwitchOptions(String iface, String vlan, String bridge, String address, String mtu,
                            boolean privateMode) {
}
