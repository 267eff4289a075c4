package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.config.LockTimeout;

/**
 * The locks one guest has on this host, three regions of its lock file (see
 * {@code HostPaths#guestLock}); the kernel drops each when its holder dies.
 * <ul>
 * <li>change: one command at a time that starts, creates, destroys or renames the guest, held
 * through its checks and its action;</li>
 * <li>run: held by a supervisor JVM from before it creates anything (taps, console, loader)
 * until its clean-up is done, so there is never a second one: by {@code vm start -f}'s for the
 * whole run, by each step of a detached run (whose waiter holds a lock of its own, see
 * {@code supervise.Waiter}, and is named in this file's text between the steps);</li>
 * <li>config: one read-modify-write of the guest's config at a time.</li>
 * </ul>
 * {@code run.lock} in the guest directory keeps upstream's meaning (which host runs the guest);
 * this file's text names the supervising process (pid and start time: the supervisor JVM, or a
 * detached run's waiter), so that read-only commands, which take no locks, can tell a live
 * supervisor from a dead one.
 */
public final class GuestLock {

    private static final long CHANGE = 0;
    private static final long RUN = 1;
    private static final long CONFIG = 2;

    private final String guest;
    private final Path file;

    public GuestLock(String guest, Path file) {
        this.guest = guest;
        this.file = file;
    }

    /** Takes the change lock, waiting a bounded time for another command to finish with the guest. */
    public LockFile.Hold change() {
        Optional<LockFile.Hold> hold = LockFile.of(file).acquire(CHANGE, LockFile.WAIT);
        if (hold.isEmpty()) {
            throw new LockTimeout(guest);
        }
        return hold.get();
    }

    /** The supervisor's run lock, waiting briefly: empty when another supervisor runs the guest. */
    public Optional<LockFile.Hold> run(Duration wait) {
        return LockFile.of(file).acquire(RUN, wait);
    }

    /**
     * Whether another process supervises the guest: a JVM holds the run lock, or the process
     * this file names (a detached run's waiter, between the steps that hold the lock) is alive.
     * For commands holding the change lock, which every start takes.
     */
    public boolean supervised() {
        if (LockFile.of(file).heldElsewhere(RUN)) {
            return true;
        }
        Optional<ProcessHandle> named = recorded();
        return named.isPresent() && named.get().pid() != ProcessHandle.current().pid();
    }

    public ConfigFile.Lock config() {
        return new ConfigFile.Lock(file, CONFIG);
    }

    /** Names this process as the guest's supervisor; call with the run lock held. */
    public void recordSupervisor() {
        recordSupervisor(ProcessHandle.current());
    }

    /** Names that process (a detached run's waiter) as the guest's supervisor; call with the run lock held. */
    public void recordSupervisor(ProcessHandle supervisor) {
        LockFile.of(file).write(supervisor.pid() + " " + startMillis(supervisor) + "\n");
    }

    /** Clears the record at the end of a clean run, before the run lock goes. */
    public void clearSupervisor() {
        LockFile.of(file).write("");
    }

    /** The live process the record names; empty when there is no record or its process is gone. */
    public Optional<ProcessHandle> recorded() {
        String[] record = LockFile.text(file).trim().split(" ");
        if (record.length != 2) {
            return Optional.empty();
        }
        try {
            Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(record[0]));
            long started = Long.parseLong(record[1]);
            return process.isPresent() && process.get().isAlive() && startMillis(process.get()) == started
                    ? process : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether this host's {@code run.lock} is left over from a supervisor that no longer runs:
     * the recorded supervisor is dead, or the lock is older than the last boot. A lock with no
     * record of ours (made by upstream's vm) counts as live, as upstream counts it. Reads only:
     * takes no lock and creates nothing.
     */
    public boolean stale(Path runLock) {
        Optional<Instant> boot = bootTime();
        try {
            if (boot.isPresent() && Files.getLastModifiedTime(runLock).toInstant().isBefore(boot.get())) {
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        String[] record = LockFile.text(file).trim().split(" ");
        if (record.length != 2) {
            return false;
        }
        try {
            long pid = Long.parseLong(record[0]);
            long started = Long.parseLong(record[1]);
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            return process.isEmpty() || !process.get().isAlive() || startMillis(process.get()) != started;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long startMillis(ProcessHandle process) {
        Optional<Instant> start = process.info().startInstant();
        return start.isPresent() ? start.get().toEpochMilli() : 0L;
    }

    /** When this host booted: when its first process, init, started (unknown where init is hidden, as in a jail). */
    private static Optional<Instant> bootTime() {
        Optional<ProcessHandle> init = ProcessHandle.of(1);
        return init.isPresent() ? init.get().info().startInstant() : Optional.empty();
    }
}
