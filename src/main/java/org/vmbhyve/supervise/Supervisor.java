package org.vmbhyve.supervise;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.core.Ui;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.run.GuestMachine;

/**
 * {@code vm _run} and {@code vm start -f}: one JVM runs the guest until it powers off
 * ({@code vm::run}), holding the run lock throughout. It loops loader + bhyve while the guest
 * reboots and always cleans up: taps destroyed, vmm device released, lock removed, also when it
 * is sent SIGTERM. A detached run does the same in steps around a small waiter ({@link RunStep}).
 */
public final class Supervisor {

    /** {@code _run}'s exit statuses besides bhyve's own. */
    public static final int NO_GUEST = 5;
    public static final int NOT_STOPPED = 10;
    public static final int FATAL = GuestMachine.FATAL;

    /** How long a supervisor waits for the run lock (only a probe by another command holds it briefly). */
    static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final VmContext vm;
    private final String name;
    private final boolean foreground;
    private final boolean tmux;
    private final CountDownLatch finished = new CountDownLatch(1);
    private ChildRunner children;

    public Supervisor(VmContext vm, String name, boolean foreground, boolean tmux) {
        this.vm = vm;
        this.name = name;
        this.foreground = foreground;
        this.tmux = tmux;
    }

    /**
     * Runs the guest to its end.
     *
     * @param onLocked called once this supervisor holds the guest's run lock, before it changes
     *                 anything: the starting command then lets go of the guest
     */
    public int run(String iso, Runnable onLocked) {
        var found = new Guests(vm).find(name);
        if (found.isEmpty()) {
            return NO_GUEST;
        }
        Guest guest = found.get();
        // one guest, one supervisor: a second one leaves at once, having touched nothing
        Optional<LockFile.Hold> runLock = guest.lock().run(LOCK_WAIT);
        if (runLock.isEmpty()) {
            return NOT_STOPPED;
        }
        try (LockFile.Hold held = runLock.get()) {
            Leftovers leftovers = new Leftovers(vm, guest);
            boolean unclean = leftovers.present();
            guest.lock().recordSupervisor();
            onLocked.run();
            try {
                return supervise(guest, leftovers, unclean, iso);
            } finally {
                guest.lock().clearSupervisor();
            }
        }
    }

    private int supervise(Guest guest, Leftovers leftovers, boolean unclean, String iso) {
        if (!stoppedForRun(vm, guest, unclean)) {
            return NOT_STOPPED;
        }
        GuestLog log = new GuestLog(guest.dir(), vm.clock());
        children = new ChildRunner(vm.runner(), log);
        GuestMachine machine = new GuestMachine(vm, guest, log);
        machine.begin();
        if (unclean) {
            leftovers.clear(log);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnSignal, "vm-stop"));
        try {
            int ready = machine.prepare(foreground, tmux, iso);
            if (ready != 0) {
                return ready;
            }
            try {
                return loop(machine, iso);
            } finally {
                machine.cleanUp();
            }
        } finally {
            finished.countDown();
        }
    }

    /** Upstream's {@code confirm_stopped} for a new run; the starting command has said why a guest cannot start. */
    static boolean stoppedForRun(VmContext vm, Guest guest, boolean unclean) {
        int stopped = new Guests(vm.withUi(Ui.SILENT)).confirmStopped(guest, true);
        return !(stopped == 2 || stopped == 1 && !unclean);
    }

    private int loop(GuestMachine machine, String iso) {
        int exit = 0;
        String medium = iso;
        for (int run = 1; !children.stopping(); run++) {
            GuestMachine.Boot boot = machine.boot(run, medium, argv -> children.run(argv,
                    ProcessBuilder.Redirect.INHERIT));
            if (!boot.ok()) {
                return boot.status();
            }
            if (boot.limits()) {
                Thread thread = new Thread(machine.resourceLimits(), "vm-rctl");
                thread.setDaemon(true);
                thread.start();
            }
            exit = children.run(boot.argv(), machine.bhyveStderr());
            if (!machine.reboots(exit, false)) {
                break;
            }
            medium = null;
        }
        return exit;
    }

    /**
     * SIGTERM or SIGINT to the supervisor: pass it on to bhyve (an ACPI power-off for the guest,
     * as {@code vm stop} sends), then let the main loop finish its clean-up before the JVM exits.
     */
    private void stopOnSignal() {
        if (finished.getCount() == 0) {
            return;
        }
        children.stop();
        try {
            finished.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
