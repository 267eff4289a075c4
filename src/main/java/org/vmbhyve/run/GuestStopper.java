package org.vmbhyve.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;

/**
 * Stopping running guests: {@code vm stop} (an ACPI shutdown: SIGTERM to bhyve, which the
 * supervisor then cleans up after), {@code restart}, {@code reset}, {@code poweroff}.
 */
public final class GuestStopper {

    private final VmContext vm;
    private final PrintWriter out;

    public GuestStopper(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    /**
     * {@code vm stop NAME...}: an ACPI shutdown request to each guest in turn; then, where a
     * stop timeout applies ({@link StopTimeout}; none by default, as upstream), waits for those
     * guests together and forces off each one still running when its time is up.
     *
     * @param timeoutFlag {@code -t SECONDS}, if given
     */
    public void stop(List<String> names, Optional<Integer> timeoutFlag) {
        StopTimeout timeouts = new StopTimeout(vm, timeoutFlag, 0);
        // made only when a guest is to be waited for: a plain stop then links no lambda, which on
        // JDK 17 costs milliseconds
        ShutdownWatch watch = null;
        for (String name : names) {
            Optional<Long> pid = stop(name);
            int seconds = pid.isPresent() ? timeouts.forGuest(name) : 0;
            if (seconds > 0) {
                if (watch == null) {
                    watch = new ShutdownWatch(vm.clock(), Pause::millis, GuestStopper::alive);
                }
                watch.watch(name, pid.get(), seconds);
            }
        }
        if (watch != null) {
            watch.await(new ForcedPowerOff(vm, line -> say(Character.toUpperCase(line.charAt(0)) + line.substring(1))),
                    pids -> { });
        }
    }

    /**
     * {@code core::stop} for one guest.
     *
     * @return the pid of its bhyve when an ACPI shutdown was requested
     */
    private Optional<Long> stop(String name) {
        if (!Files.exists(vm.paths().vmmDevice(name))) {
            vm.ui().warn(name + " doesn't appear to be a running virtual machine");
            return Optional.empty();
        }
        Optional<Long> bhyve = bhyvePid(name);
        Optional<RunningGuests.Process> process = RunningGuests.scan(vm.runner()).find(name);
        Optional<RunningGuests.Process> loader = process.isPresent() && process.get().loader()
                ? process : Optional.empty();
        if (bhyve.isPresent()) {
            say("Sending ACPI shutdown to " + name);
            signal(bhyve.get());
            Pause.seconds(1);
            signal(bhyve.get());
            discardState(name);
        } else if (loader.isPresent()) {
            if (vm.ui().confirm("Guest " + name + " is in bootloader stage, do you wish to force exit")) {
                out.println("Killing " + name);
                signal(loader.get().pid());
                vm.runner().run("bhyvectl", "--destroy", "--vm=" + name);
            }
        } else {
            vm.ui().warn("unable to locate process id for " + name);
        }
        return bhyve;
    }

    /** {@code vm restart}: flags the guest for a new boot, then shuts it down. */
    public void restart(String name) {
        Guest guest = new Guests(vm).require(name, "unable to locate specified guest");
        out.println("Setting guest restart flag");
        try {
            FileMode.PUBLIC_FILE.write(guest.dir().resolve("restart"), "");
        } catch (IOException e) {
            throw new VmException("unable to set restart flag for " + name);
        }
        stop(name);
    }

    /** {@code vm reset}: a hardware reset; bhyve exits 0 and the supervisor boots the guest again. */
    public int reset(String name, boolean force) {
        requireRunning(name);
        if (!force && !vm.ui().confirm("Are you sure you want to forcefully reset this virtual machine")) {
            return 0;
        }
        var result = vm.runner().runShowingErrors("bhyvectl", "--force-reset", "--vm=" + name);
        out.print(result.stdout());
        return result.exitCode();
    }

    /** {@code vm poweroff}: pulls the plug, then releases the vmm device and any saved state. */
    public int poweroff(String name, boolean force) {
        requireRunning(name);
        if (!force && !vm.ui().confirm("Are you sure you want to forcefully poweroff this virtual machine")) {
            return 0;
        }
        if (!vm.runner().runShowingErrors("bhyvectl", "--force-poweroff", "--vm=" + name).ok()
                || !vm.runner().runShowingErrors("bhyvectl", "--destroy", "--vm=" + name).ok()) {
            return 1;
        }
        discardState(name);
        return 0;
    }

    private void requireRunning(String name) {
        if (!Files.exists(vm.paths().vmmDevice(name))) {
            throw new VmException(name + " doesn't appear to be a running virtual machine");
        }
    }

    /** The pid of {@code bhyve: NAME}, the title bhyve gives itself. */
    private Optional<Long> bhyvePid(String name) {
        String pid = vm.runner().runShowingErrors("pgrep", "-fx", "bhyve: " + name).firstLine().trim();
        try {
            return pid.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    static boolean alive(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isPresent() && process.get().isAlive();
    }

    static void signal(long pid) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isPresent()) {
            process.get().destroy();
        }
    }

    /** {@code discard -f}: the saved state of a stopped guest is stale. */
    static void discardState(Guest guest) {
        // NAME.save*, matched by hand: a glob filter compiles a regular expression
        String prefix = guest.name() + ".save";
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(guest.dir())) {
            for (Path entry : entries) {
                if (entry.getFileName().toString().startsWith(prefix) && Files.isRegularFile(entry)) {
                    Files.delete(entry);
                }
            }
        } catch (IOException e) {
            // a leftover state file is reported by the next start, not fatal here
        }
    }

    /** The saved state of the guest of that name, if there is such a guest, discarded. */
    private void discardState(String name) {
        Optional<Guest> guest = new Guests(vm).find(name);
        if (guest.isPresent()) {
            discardState(guest.get());
        }
    }

}
