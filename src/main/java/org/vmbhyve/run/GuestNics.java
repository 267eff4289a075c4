package org.vmbhyve.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.MacAddress;
import org.vmbhyve.network.GuestNetwork;

/**
 * A run's network interfaces: each gets a fixed MAC (generated and saved once), then its tap,
 * vale port or netgraph hook; the taps this run created are destroyed at its end.
 */
final class GuestNics {

    private final VmContext vm;
    private final Guest guest;
    private final GuestLog log;
    private final GuestNetwork network;
    private final List<String> taps = new ArrayList<>();

    GuestNics(VmContext vm, Guest guest, GuestLog log) {
        this.vm = vm;
        this.guest = guest;
        this.log = log;
        this.network = new GuestNetwork(vm.system(), vm.runner());
    }

    List<GuestNic> attach(ConfigValues config) {
        List<GuestNic> nics = new ArrayList<>();
        for (int n = 0; !config.value(GuestKey.NETWORK_TYPE.at(n)).isEmpty(); n++) {
            String mac = config.value(GuestKey.NETWORK_MAC.at(n));
            if (mac.isEmpty()) {
                mac = MacAddress.generate(vm.random());
                log.write("generated static mac " + mac);
                save(guest, "network" + n + "_mac", mac);
            }
            var nic = new GuestNetwork.GuestInterface(guest.name(), n, config.value(GuestKey.NETWORK_SWITCH.at(n)), mac,
                    config.value(GuestKey.NETWORK_DEVICE.at(n)), config.value(GuestKey.NETWORK_NAME.at(n)),
                    config.yesno(GuestKey.NETWORK_SPAN.at(n)));
            Optional<GuestNetwork.Attachment> attachment = network.attach(nic, log::write, vm.ui()::warn);
            String backend = null;
            if (attachment.isPresent()) {
                backend = attachment.get().backend();
                if (attachment.get().created()) {
                    taps.add(backend);
                }
            }
            nics.add(new GuestNic(config.value(GuestKey.NETWORK_TYPE.at(n)), backend, mac));
        }
        return nics;
    }

    /** A free VNC port, logged as upstream logs it; null when none is free. */
    Integer vncPort() {
        Optional<Integer> port = VncPort.firstFree(vm.runner());
        if (port.isEmpty()) {
            log.write("warning; unable to allocate a network port for graphics/vnc");
            return null;
        }
        log.write("dynamically allocated port " + port.get() + " for vnc connections");
        return port.get();
    }

    /** The taps this run has made, for whoever cleans up after it. */
    List<String> created() {
        return List.copyOf(taps);
    }

    /** Taps an earlier process of this run made: this one destroys them at the end. */
    void adopt(List<String> made) {
        taps.addAll(made);
    }

    void destroyTaps() {
        for (String tap : taps) {
            log.write("destroying network device " + tap);
            network.destroy(tap);
        }
        taps.clear();
    }

    /** Saves a generated value in the guest's config, as upstream's {@code config::set}. */
    static void save(Guest guest, String key, String value) {
        try {
            guest.configFile().set(key, value);
            guest.reload();
        } catch (IOException e) {
            throw new VmException("unable to update " + guest.configFile().path());
        }
    }
}
