package org.vmbhyve.info;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.core.VmContext;

/**
 * A running guest's addresses for {@code vm list --json}: each NIC's, found as {@code vm info}
 * finds them (the tap by its description, its bridge, the MAC there). The host is asked once
 * per command, at the first running guest: vm's bridges, the interface listing, ARP and NDP.
 */
final class NicAddresses {

    private final VmContext vm;
    private ActiveNics nics;
    private final GuestAddresses addresses;

    NicAddresses(VmContext vm) {
        this.vm = vm;
        this.addresses = new GuestAddresses(vm.runner(), vm.system());
    }

    List<String> of(String guest, ConfigValues config) {
        if (nics == null) {
            nics = new ActiveNics(vm.runner(), vm.runner().run("ifconfig", "-g", "vm-switch").stdout());
        }
        List<String> all = new ArrayList<>();
        for (int n = 0; !config.value(GuestKey.NETWORK_TYPE.at(n)).isEmpty(); n++) {
            for (String address : addresses.of(config.value(GuestKey.NETWORK_MAC.at(n)), nics.bridge(guest, n),
                    config.value(GuestKey.NETWORK_SWITCH.at(n)))) {
                if (!all.contains(address)) {
                    all.add(address);
                }
            }
        }
        return all;
    }
}
