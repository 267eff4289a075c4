package org.vmbhyve.supervise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.run.GuestMachine;

/**
 * {@code vm _run-step}: the JVM's part of a detached run, one short step each time something
 * happens, while the waiter ({@link Waiter}) waits for bhyve in between.
 * <ul>
 * <li>{@code start}: the run's opening and preparation (as {@link Supervisor}), then the first
 * boot's loader; bhyve's argv is left for the waiter.</li>
 * <li>{@code exit STATUS}: bhyve has exited; either the next boot is readied the same way, or
 * the run is cleaned up and ends with that status.</li>
 * <li>{@code limits}: the guest's priority and rctl limits, a second after bhyve started.</li>
 * </ul>
 * Each step holds the guest's run lock while it works and names the waiter as the guest's
 * supervisor. The argv file exists only while a boot is ready: a step deletes it first, so a
 * step that dies leaves none and the waiter ends; what the run made is then left over for the
 * next start ({@link Leftovers}), as after a killed supervisor.
 */
public final class RunStep {

    private final VmContext vm;
    private final String name;
    private final ProcessHandle waiter;

    /** @param waiter the waiter that runs this step: the guest's supervisor while it lives */
    public RunStep(VmContext vm, String name, ProcessHandle waiter) {
        this.vm = vm;
        this.name = name;
        this.waiter = waiter;
    }

    /** {@code start [-t] NAME WAITER ISO}. */
    public int start(boolean tmux, String iso) {
        deleteArgv();
        var found = new Guests(vm).find(name);
        if (found.isEmpty()) {
            return Supervisor.NO_GUEST;
        }
        Guest guest = found.get();
        Optional<LockFile.Hold> runLock = guest.lock().run(Supervisor.LOCK_WAIT);
        if (runLock.isEmpty()) {
            return Supervisor.NOT_STOPPED;
        }
        try (LockFile.Hold held = runLock.get()) {
            Leftovers leftovers = new Leftovers(vm, guest);
            boolean unclean = leftovers.present();
            guest.lock().recordSupervisor(waiter);
            if (!Supervisor.stoppedForRun(vm, guest, unclean)) {
                guest.lock().clearSupervisor();
                return Supervisor.NOT_STOPPED;
            }
            GuestLog log = new GuestLog(guest.dir(), vm.clock());
            GuestMachine machine = new GuestMachine(vm, guest, log);
            machine.begin();
            if (unclean) {
                leftovers.clear(log);
            }
            // in tmux the console is the session's terminal: in the foreground there, as upstream's _run -tf
            int ready = machine.prepare(tmux, tmux, iso);
            if (ready != 0) {
                guest.lock().clearSupervisor();
                return ready;
            }
            return boot(guest, machine, 1, iso.isEmpty() ? null : iso);
        }
    }

    /** {@code exit NAME WAITER STATUS [stop]}: {@code status} is bhyve's, or null when a stop came before it ran. */
    public int exit(Integer status, boolean stopping) {
        deleteArgv();
        var found = new Guests(vm).find(name);
        Optional<RunState> state = RunState.read(vm.paths().guestRunState(name));
        if (found.isEmpty() || state.isEmpty()) {
            // nothing to go on: what the run made is left for the next start to clear
            return status == null ? Supervisor.FATAL : status;
        }
        Guest guest = found.get();
        Optional<LockFile.Hold> runLock = guest.lock().run(Supervisor.LOCK_WAIT);
        if (runLock.isEmpty()) {
            return Supervisor.NOT_STOPPED;
        }
        try (LockFile.Hold held = runLock.get()) {
            GuestLog log = new GuestLog(guest.dir(), vm.clock());
            GuestMachine machine = GuestMachine.resume(vm, guest, log, state.get().facts());
            if (status != null && machine.reboots(status, stopping)) {
                return boot(guest, machine, state.get().run() + 1, null);
            }
            end(guest, machine);
            return status == null ? 0 : status;
        }
    }

    /** {@code limits NAME}: applies them in this process, a second after bhyve's start. */
    public int limits() {
        var found = new Guests(vm).find(name);
        Optional<RunState> state = RunState.read(vm.paths().guestRunState(name));
        if (found.isPresent() && state.isPresent()) {
            GuestLog log = new GuestLog(found.get().dir(), vm.clock());
            GuestMachine.resume(vm, found.get(), log, state.get().facts()).resourceLimits().run();
        }
        return 0;
    }

    /** Readies boot {@code run}: the state for the next step, then bhyve's argv for the waiter. */
    private int boot(Guest guest, GuestMachine machine, int run, String iso) {
        ChildRunner loader = new ChildRunner(vm.runner(), new GuestLog(guest.dir(), vm.clock()));
        GuestMachine.Boot boot = machine.boot(run, iso, argv -> loader.run(argv, ProcessBuilder.Redirect.INHERIT));
        if (!boot.ok()) {
            end(guest, machine);
            return boot.status();
        }
        new RunState(run, machine.facts()).write(vm.paths().guestRunState(name));
        StringBuilder words = new StringBuilder(boot.limits() ? "limits\n" : "-\n");
        for (String word : boot.argv()) {
            words.append(word).append('\n');
        }
        try {
            RunState.replace(vm.paths().guestBhyveArgv(name), words.toString());
        } catch (VmException e) {
            end(guest, machine);
            throw e;
        }
        return 0;
    }

    private void end(Guest guest, GuestMachine machine) {
        machine.cleanUp();
        delete(vm.paths().guestRunState(name));
        if (guest.lock().recorded().filter(waiter::equals).isPresent()) {
            guest.lock().clearSupervisor();
        }
    }

    private void deleteArgv() {
        delete(vm.paths().guestBhyveArgv(name));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new VmException("unable to remove " + file);
        }
    }
}
