package org.vmbhyve.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.host.Fstat;
import org.vmbhyve.host.TmuxSessions;

/** {@code vm console}: attaches the terminal to a guest's serial port (cu on nmdm, or tmux). */
public final class GuestConsole {

    private final VmContext vm;
    private final PrintWriter out;

    public GuestConsole(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    /**
     * @param port a port name from the guest's console file ({@code com2}); "" for the first
     * @param wait wait for the guest to start instead of failing when it is not running
     */
    public int attach(String name, String port, boolean wait) {
        Guest guest = new Guests(vm).require(name, name + " doesn't appear to be a valid virtual machine");
        Path vmm = vm.paths().vmmDevice(name);
        if (wait) {
            out.println("Waiting for " + name + " to start...");
            out.flush();
            while (!Files.exists(vmm)) {
                sleep();
            }
        } else if (!Files.exists(vmm)) {
            throw new VmException(name + " doesn't appear to be a running virtual machine");
        }
        String device = device(guest.dir().resolve("console"), port);
        String session = device.substring(device.lastIndexOf('/') + 1);
        if (device.startsWith("tmux/") && vm.runner().available("tmux")
                && TmuxSessions.has(vm.runner().runShowingErrors("tmux", "ls").lines(), session)) {
            return vm.runner().runAttached(List.of("tmux", "attach", "-t", session));
        }
        if (device.isEmpty()) {
            throw new VmException("unable to locate console device for this virtual machine");
        }
        refuseHeld(name, device);
        return vm.runner().runAttached(List.of("cu", "-l", device));
    }

    /**
     * A console another process holds (a forgotten {@code cu}, a closed terminal's) makes cu say
     * "all ports busy" or hang (churchers/vm-bhyve#72, #425, #127): name the holder instead.
     */
    private void refuseHeld(String name, String device) {
        if (!device.startsWith("/dev/")) {
            return;
        }
        List<Fstat.Holder> holders = new Fstat(vm.runner()).holders(device);
        if (holders.isEmpty()) {
            return;
        }
        StringBuilder who = new StringBuilder();
        StringBuilder pids = new StringBuilder();
        for (Fstat.Holder holder : holders) {
            who.append(who.length() == 0 ? "" : ", ").append(holder.command())
                    .append(" (pid ").append(holder.pid()).append(", user ").append(holder.user()).append(')');
            pids.append(' ').append(holder.pid());
        }
        throw new VmException("console " + device + " of " + name + " is in use by " + who
                + "; end " + (holders.size() == 1 ? "it" : "them") + " with: kill" + pids);
    }

    /** The device of the named port, or of the first line when it is a com port. */
    private static String device(Path consoleFile, String port) {
        List<String> lines;
        try {
            lines = Files.exists(consoleFile) ? Files.readAllLines(consoleFile) : List.of();
        } catch (IOException e) {
            lines = List.of();
        }
        for (String line : lines) {
            boolean match = port.isEmpty() ? line.startsWith("com") : line.contains(port + "=");
            if (match) {
                String[] fields = line.split("=", -1);
                return fields.length > 1 ? fields[1] : "";
            }
            if (port.isEmpty()) {
                break;
            }
        }
        return "";
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VmException("interrupted");
        }
    }
}
