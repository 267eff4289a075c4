package org.vmbhyve.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.List;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;

/** {@code vm suspend} and {@code vm discard}: saved guest state ({@code NAME.save}). */
public final class GuestSuspender {

    private final VmContext vm;
    private final PrintWriter out;

    public GuestSuspender(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    /** Fails unless this host's bhyve can suspend guests and the {@code suspend} setting allows it. */
    public void requireSupport() {
        if (!new HostSupport(vm).suspend(true)) {
            throw new VmException("unable to suspend the guest");
        }
    }

    /** {@code core::suspend}: asks each running guest's bhyve to save its state and exit. */
    public void suspend(List<String> names) {
        new Guests(vm).require(names.get(0), names.get(0) + " doesn't appear to be a valid virtual machine");
        for (String name : names) {
            suspendOne(name, true);
        }
    }

    /** A suspend with its messages dropped, as suspendall runs it. */
    void quietly(String name) {
        suspendOne(name, false);
    }

    private void suspendOne(String name, boolean verbose) {
        if (!Files.exists(vm.paths().vmmDevice(name))) {
            if (verbose) {
                vm.ui().warn(name + " doesn't appear to be a running virtual machine");
            }
            return;
        }
        Guest guest = new Guests(vm).find(name).orElse(null);
        String pid = vm.runner().runShowingErrors("pgrep", "-fx", "bhyve: " + name).firstLine().trim();
        if (!pid.isEmpty() && guest != null) {
            if (verbose) {
                out.println("Suspending " + name);
            }
            try {
                FileMode.PUBLIC_FILE.write(guest.dir().resolve("suspending.lock"), vm.host().hostname() + "\n");
            } catch (IOException e) {
                throw new VmException("unable to write " + guest.dir().resolve("suspending.lock"));
            }
            vm.runner().run("bhyvectl", "--vm=" + name, "--suspend=" + guest.dir().resolve(name + ".save"));
            return;
        }
        var loader = RunningGuests.scan(vm.runner()).find(name).filter(RunningGuests.Process::loader);
        if (loader.isPresent()) {
            if (verbose && vm.ui().confirm("Guest " + name + " is in bootloader stage and cannot suspend, do you wish to force exit")) {
                out.println("Killing " + name);
                ProcessHandle.of(loader.get().pid()).ifPresent(ProcessHandle::destroy);
                vm.runner().run("bhyvectl", "--destroy", "--vm=" + name);
            }
        } else if (verbose) {
            vm.ui().warn("unable to locate process id for " + name);
        }
    }

    /** {@code core::discard}: removes the saved state, after a confirmation unless forced. */
    public int discard(String name, boolean force) {
        Guest guest = new Guests(vm).require(name, name + " doesn't appear to be a valid virtual machine");
        if (!force && !vm.ui().confirm("Are you sure you want to remove the saved state of this virtual machine")) {
            return 0;
        }
        if (!guest.hasSavedState()) {
            if (!force) {
                throw new VmException("no saved state exists for " + name);
            }
            return 0;
        }
        GuestStopper.discardState(guest);
        return 0;
    }
}
