package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;
import org.vmbhyve.host.ProcessRunner;

/**
 * Which guests' configs name each host PCI device for passthrough, and which of them runs (as
 * HosterCore's {@code passthru list} shows). A device can serve one guest at a time: a second
 * bhyve fails on it, so {@code vm start} refuses a guest whose device a running guest holds.
 */
public final class PassthruUsers {

    /**
     * A host PCI device with its users; the components are {@code vm passthru --json}'s fields.
     *
     * @param guests the guests whose {@code passthruN} names the device, in {@code vm list} order
     * @param running the one of them that runs, null when none does
     */
    public record Use(String device, String bhyveId, boolean ready, String description, List<String> guests,
                      String running) {
    }

    private final Guests guests;
    private final ProcessRunner runner;

    public PassthruUsers(Guests guests, ProcessRunner runner) {
        this.guests = guests;
        this.runner = runner;
    }

    /** The host's devices, each with the guests that name it. */
    public List<Use> uses(List<PciDevices.PciDevice> devices) {
        RunningGuests running = RunningGuests.scan(runner);
        List<Guest> all = guests.all();
        List<Use> uses = new ArrayList<>();
        for (PciDevices.PciDevice device : devices) {
            List<String> names = new ArrayList<>();
            String runs = null;
            for (Guest guest : all) {
                if (devices(guest.config()).contains(device.bhyveId())) {
                    names.add(guest.name());
                    if (runs == null && running.find(guest.name()).isPresent()) {
                        runs = guest.name();
                    }
                }
            }
            uses.add(new Use(device.device(), device.bhyveId(), device.ready(), device.description(), names, runs));
        }
        return uses;
    }

    /** Why the guest cannot start: another running guest holds one of its devices. */
    public Optional<String> conflict(Guest guest) {
        List<String> wanted = devices(guest.config());
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        RunningGuests running = RunningGuests.scan(runner);
        for (Guest other : guests.all()) {
            if (other.name().equals(guest.name()) || running.find(other.name()).isEmpty()) {
                continue;
            }
            for (String device : devices(other.config())) {
                if (wanted.contains(device)) {
                    return Optional.of("passthru device " + device + " is in use by running guest " + other.name());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The host devices ({@code B/S/F}) a config passes through: {@code passthruN} from 0 until
     * one is unset, each without its {@code =SLOT:FUNC} guest position.
     */
    static List<String> devices(ConfigValues config) {
        List<String> devices = new ArrayList<>();
        for (int n = 0; ; n++) {
            String value = config.value(GuestKey.PASSTHRU.at(n));
            if (value.isEmpty()) {
                return devices;
            }
            int at = value.indexOf('=');
            devices.add(at < 0 ? value : value.substring(0, at));
        }
    }
}
