package org.vmbhyve.supervise;

import java.nio.file.Files;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;
import org.vmbhyve.network.GuestNetwork;
import org.vmbhyve.run.GuestDevice;
import org.vmbhyve.run.GuestDevices;

/**
 * What a supervisor killed before its clean-up (SIGKILL, a crash) leaves of a guest that has
 * since stopped: its vmm device and the taps named after it. Only the next supervisor clears
 * them, holding the guest's run lock, and only when no bhyve or loader runs the guest: a vmm
 * device with a live process belongs to a running guest and is never touched. A device's
 * helper (swtpm) that outlived its supervisor is stopped here too.
 */
final class Leftovers {

    private final VmContext vm;
    private final Guest guest;

    Leftovers(VmContext vm, Guest guest) {
        this.vm = vm;
        this.guest = guest;
    }

    /**
     * Whether an earlier run left anything: this host's {@code run.lock} or a vmm device, while
     * no process runs the guest. Asked with the run lock held, so no supervisor of ours is alive.
     */
    boolean present() {
        boolean ownLock = new Guests(vm).lockHost(guest).filter(vm.host().hostname()::equals).isPresent();
        return (ownLock || Files.exists(vm.paths().vmmDevice(guest.name())))
                && RunningGuests.scan(vm.runner()).find(guest.name()).isEmpty();
    }

    void clear(GuestLog log) {
        log.write("clearing up after an earlier run that did not stop cleanly");
        if (Files.exists(vm.paths().vmmDevice(guest.name()))) {
            vm.runner().run("bhyvectl", "--destroy", "--vm=" + guest.name());
        }
        new GuestDevices(new GuestDevice.Context(vm, guest, guest.config())).stopHelpers(log);
        GuestNetwork network = new GuestNetwork(vm.system(), vm.runner());
        for (String tap : network.tapsOf(guest.name())) {
            log.write("destroying network device " + tap);
            network.destroy(tap);
        }
    }
}
