package org.vmbhyve.info;

import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.host.IfconfigListing;
import org.vmbhyve.host.NetstatCounters;
import org.vmbhyve.host.ProcessRunner;

/**
 * The live side of a running guest's interfaces ({@code info::guest_networking}): the tap whose
 * description is {@code vmnet/GUEST/N/...} in the host's interface listing, so guests started by
 * vm-bhyve are found too, the vm switch bridge that has it as a member, and its traffic. The
 * listing is read once for all the guests of one {@code vm info}; plain loops only.
 */
final class ActiveNics {

    private final ProcessRunner runner;
    private final List<String> bridges;
    private List<IfconfigListing.Interface> listing;

    /** @param bridgeList what {@code ifconfig -g vm-switch} printed: vm's bridges, in order */
    ActiveNics(ProcessRunner runner, String bridgeList) {
        this.runner = runner;
        this.bridges = Chars.words(bridgeList);
    }

    /**
     * The host side of NIC NUMBER of GUEST.
     *
     * @param addresses where its addresses are looked up, by MAC on its bridge
     */
    GuestDetails.Active find(String guest, int number, String mac, String switchName, GuestAddresses addresses) {
        IfconfigListing.Interface tap = tap(guest, number);
        if (tap == null) {
            return new GuestDetails.Active(null, null, null, null, null, null, List.of());
        }
        // upstream shows the description's first word, and the traffic from the guest's side:
        // what the tap sends goes into the guest
        List<String> description = Chars.words(tap.description());
        NetstatCounters counters = NetstatCounters.parse(runner.runShowingErrors("netstat", "-biI", tap.name()).stdout());
        String bridge = bridgeOf(tap.name());
        return new GuestDetails.Active(tap.name(), description.get(0), tap.mtu() < 0 ? null : tap.mtu(),
                bridge, counters == null ? null : counters.outBytes(),
                counters == null ? null : counters.inBytes(), addresses.of(mac, bridge, switchName));
    }

    /** The bridge the tap of NIC NUMBER of GUEST is a member of; null when it has none. */
    String bridge(String guest, int number) {
        IfconfigListing.Interface tap = tap(guest, number);
        return tap == null ? null : bridgeOf(tap.name());
    }

    private IfconfigListing.Interface tap(String guest, int number) {
        // upstream's bare ifconfig and netstat calls: their complaints reach the user
        if (listing == null) {
            listing = IfconfigListing.parse(runner.runShowingErrors("ifconfig").stdout());
        }
        String marker = "vmnet/" + guest + "/" + number + "/";
        for (IfconfigListing.Interface iface : listing) {
            if (iface.description() != null && iface.description().contains(marker)) {
                return iface;
            }
        }
        return null;
    }

    /** The first of vm's bridges that lists the tap as a member. */
    private String bridgeOf(String tap) {
        for (String bridge : bridges) {
            for (IfconfigListing.Interface iface : listing) {
                if (iface.name().equals(bridge) && iface.hasMember(tap)) {
                    return bridge;
                }
            }
        }
        return null;
    }
}
