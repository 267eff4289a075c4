package org.vmbhyve.run;

import org.vmbhyve.config.GuestKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.Pause;
import org.vmbhyve.core.Ui;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

/**
 * {@code vm start} and {@code vm install} for one guest ({@code core::__start}): upstream's
 * checks, reported on stdout, then the supervisor in the foreground, in a tmux session or
 * detached in the background.
 */
public final class GuestStarter {

    /** How the supervisor runs: {@code -f}, {@code -i}, and the {@code vm _run} to start. */
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

    /** @return the guest's status: 1 for a failed check, else the foreground supervisor's status */
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
        if (new Guests(vm.withUi(Ui.SILENT)).confirmStopped(guest, true) != 0) {
            say("  ! guest appears to be running already");
            return 1;
        }
        var config = guest.config();
        if (config.value(GuestKey.CPU).isEmpty() || config.value(GuestKey.MEMORY).isEmpty()) {
            say("  ! incomplete virtual machine configuration");
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
        boolean tmux = vm.system().get("console", "nmdm").equals("tmux");
        if (tmux && !vm.runner().available("tmux")) {
            say("  ! tmux support enabled but misc/tmux not found");
            return 1;
        }
        boolean resume = new HostSupport(vm).suspend(message -> { }) && guest.hasSavedState();
        say(resume ? "  * found saved vm state, resuming..." : "  * booting...");
        out.flush();
        String isoArg = iso == null ? "" : iso;
        if (mode.foreground()) {
            return new Supervisor(vm, name, true, false).run(isoArg);
        }
        if (tmux) {
            String session = name.replace('.', '~');
            List<String> argv = new ArrayList<>(List.of("tmux", "new", mode.interactive() ? "-s" : "-ds", session,
                    mode.argv0(), "_run", "-tf", name, isoArg));
            return vm.runner().runAttached(argv);
        }
        detach(name, isoArg, mode.argv0());
        if (mode.interactive()) {
            return new GuestConsole(vm, out).attach(name, "", true);
        }
        return 0;
    }

    /** Starts {@code vm _run NAME ISO} with no terminal, to outlive this command. */
    private void detach(String name, String iso, String argv0) {
        try {
            vm.runner().start(List.of(argv0, "_run", name, iso), Path.of("/"), false, ProcessBuilder.Redirect.DISCARD);
        } catch (IOException e) {
            say("  ! unable to run " + argv0 + ": " + e.getMessage());
        }
    }


    private void say(String line) {
        out.println(line);
    }
}
