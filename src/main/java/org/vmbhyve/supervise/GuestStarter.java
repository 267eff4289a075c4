package org.vmbhyve.supervise;

import org.vmbhyve.config.GuestKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.config.LockTimeout;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.Ui;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.run.GuestConsole;
import org.vmbhyve.run.GuestDevice;
import org.vmbhyve.run.GuestDevices;
import org.vmbhyve.run.HostCapacity;
import org.vmbhyve.run.HostSupport;
import org.vmbhyve.run.PassthruUsers;

/**
 * {@code vm start} and {@code vm install} for one guest ({@code core::__start}): upstream's
 * checks, reported on stdout, then the supervisor JVM in the foreground ({@code -f}), or a
 * waiter ({@link Waiter}) in a tmux session or detached in the background.
 */
public final class GuestStarter {

    /** How the supervisor runs: {@code -f}, {@code -i}, and the {@code vm} whose steps a detached run takes. */
    public record Mode(boolean foreground, boolean interactive, String argv0) {
    }


    private final VmContext vm;
    private final PrintWriter out;

    public GuestStarter(VmContext vm, PrintWriter out) {
        this.vm = vm;
        this.out = out;
    }

    /**
     * {@code core::start}: each guest in turn, {@code vm_delay} seconds apart. With several
     * guests neither -f nor -i applies, as upstream clears them.
     *
     * @return the sum of the guests' statuses, as an exit status
     */
    public int startAll(List<String> names, Mode mode) {
        Mode each = names.size() == 1 ? mode : new Mode(false, false, mode.argv0());
        int sum = 0;
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                say("Waiting " + vm.delaySeconds() + " second(s)");
                out.flush();
                Pause.seconds(vm.delaySeconds());
            }
            sum += start(names.get(i), null, each);
        }
        return sum % 256;
    }

    /**
     * Checks and starts one guest while holding its change lock, so that of several commands
     * starting it at once exactly one starts a supervisor and the others are refused: the lock
     * is let go only once the new supervisor holds the guest's run lock.
     *
     * @return the guest's status: 1 for a failed check, else the foreground supervisor's status
     */
    public int start(String name, String iso, Mode mode) {
        say("Starting " + name);
        Guests guests = new Guests(vm);
        var found = guests.find(name);
        if (found.isEmpty()) {
            say("  ! " + name + " does not seem to be a valid virtual machine");
            return 1;
        }
        Guest guest = found.get();
        say("  * found guest in " + guest.dir());
        LockFile.Hold change;
        try {
            change = guest.lock().change();
        } catch (LockTimeout e) {
            say("  ! " + e.getMessage());
            return 1;
        }
        try (change) {
            int status = check(guest);
            if (status != 0) {
                return status;
            }
            boolean resume = new HostSupport(vm).suspend(false) && guest.hasSavedState();
            say(resume ? "  * found saved vm state, resuming..." : "  * booting...");
            out.flush();
            return launch(guest, iso == null ? "" : iso, mode, change);
        }
    }

    /** Upstream's checks before a start, with its messages; 0 when the guest may start. */
    private int check(Guest guest) {
        if (guest.lock().supervised() || !stopped(guest)) {
            say("  ! guest appears to be running already");
            return 1;
        }
        var config = guest.config();
        if (config.value(GuestKey.CPU).isEmpty() || config.value(GuestKey.MEMORY).isEmpty()) {
            say("  ! incomplete virtual machine configuration");
            return 1;
        }
        if (!fitsHost(guest)) {
            return 1;
        }
        String loader = config.value(GuestKey.LOADER);
        if (!loader.equals("bhyveload") && !new HostSupport(vm).unrestrictedGuest()) {
            say("  ! no unrestricted guest support in cpu. only single vcpu FreeBSD guests supported");
            return 1;
        }
        if (loader.equals("grub") && !vm.runner().available("grub-bhyve")) {
            say("  ! grub requested but sysutils/grub2-bhyve not installed?");
            return 1;
        }
        if (tmux() && !vm.runner().available("tmux")) {
            say("  ! tmux support enabled but misc/tmux not found");
            return 1;
        }
        Optional<String> refusal = new GuestDevices(new GuestDevice.Context(vm, guest, config)).refusal();
        if (refusal.isPresent()) {
            say("  ! " + refusal.get());
            return 1;
        }
        return 0;
    }

    /**
     * Beyond upstream: refuses before any loader or bhyve runs what bhyve would fail on: more
     * vCPUs than vmm allows, a passthru device another running guest holds. More memory than the
     * host has is only a warning. {@code vm_disable_host_checks} skips the vCPU test.
     *
     * @return true when the guest may go on
     */
    private boolean fitsHost(Guest guest) {
        HostCapacity capacity = new HostCapacity(vm.runner());
        if (!YesNo.isTrue(vm.rc().get("vm_disable_host_checks").orElse(""))) {
            Optional<String> vcpus = capacity.vcpuProblem(guest.config());
            if (vcpus.isPresent()) {
                say("  ! " + vcpus.get());
                return false;
            }
        }
        Optional<String> held = new PassthruUsers(new Guests(vm), vm.runner()).conflict(guest);
        if (held.isPresent()) {
            say("  ! " + held.get());
            return false;
        }
        Optional<String> memory = capacity.memoryProblem(guest.config());
        if (memory.isPresent()) {
            out.flush();
            vm.ui().warn(memory.get());
        }
        return true;
    }

    /**
     * Stopped as upstream sees it, or left over from a supervisor that died (no process runs
     * the guest, no supervisor holds it): the new supervisor clears that up.
     */
    private boolean stopped(Guest guest) {
        int status = new Guests(vm.withUi(Ui.SILENT)).confirmStopped(guest, true);
        return status == 0 || status == 1 && new Leftovers(vm, guest).present();
    }

    private boolean tmux() {
        return vm.system().get("console", "nmdm").equals("tmux");
    }

    private int launch(Guest guest, String iso, Mode mode, LockFile.Hold change) {
        String name = guest.name();
        if (mode.foreground()) {
            return new Supervisor(vm, name, true, false).run(iso, change::close);
        }
        if (tmux()) {
            // tmux refuses a second session of the same name, so a racing start fails there
            if (mode.interactive()) {
                change.close();
            }
            String session = name.replace('.', '~');
            List<String> argv = new ArrayList<>(List.of("tmux", "new", mode.interactive() ? "-s" : "-ds", session));
            argv.addAll(Waiter.argv(vm.paths(), mode.argv0(), name, iso, true));
            return vm.runner().runAttached(argv);
        }
        detach(guest, iso, mode.argv0());
        change.close();
        if (mode.interactive()) {
            return new GuestConsole(vm, out).attach(name, "", true);
        }
        return 0;
    }

    /**
     * Starts the guest's waiter ({@link Waiter}) with no terminal, to outlive this command, and
     * waits (bounded) until its first step has named it the guest's supervisor or it has given up.
     */
    private void detach(Guest guest, String iso, String argv0) {
        Process waiter;
        try {
            waiter = vm.runner().start(Waiter.argv(vm.paths(), argv0, guest.name(), iso, false), Path.of("/"), false,
                    ProcessBuilder.Redirect.DISCARD);
        } catch (IOException e) {
            say("  ! unable to run lockf: " + e.getMessage());
            return;
        }
        long deadline = System.nanoTime() + LockFile.WAIT.toNanos();
        while (waiter.isAlive() && !guest.lock().supervised() && System.nanoTime() - deadline < 0) {
            Pause.millis(20);
        }
    }

    private void say(String line) {
        out.println(line);
    }
}
