package org.vmbhyve.supervise;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.HostPaths;

/**
 * What waits for a detached guest's bhyve: {@code lockf -k -t 0 NAME.run sh vm-run ...}, two
 * small base-system processes instead of a JVM for the guest's whole life.
 *
 * <p>lockf(1) (usr.bin/lockf/lockf.c) opens NAME.run with {@code O_EXLOCK}, a {@code flock(2)}
 * lock, without waiting ({@code -t 0}: when another waiter holds it, it exits with
 * {@code EX_TEMPFAIL}, 75, and runs nothing), keeps the file ({@code -k}), forks, and waits for
 * its child, the {@code vm-run} script; the child closes the lock's descriptor before it execs,
 * so the lock lives exactly as long as lockf. lockf ignores SIGINT and SIGQUIT; on SIGTERM it
 * unlocks and dies without signalling its child. So the script, not lockf, is the guest's
 * supervisor: the guest's lock file records the script's pid, SIGTERM to the script stops the
 * guest, and after a kill of lockf alone the record still names a live supervisor.
 *
 * <p>On FreeBSD flock(2) and fcntl(2) locks are one kind to the kernel (sys/kern/kern_lockf.c:
 * both go through {@code lf_advlock}, an flock being a lock of the whole file owned by the open
 * file rather than the process), so a flock of NAME.lock would block the fcntl regions the JVM
 * takes there; hence a file of its own.
 */
final class Waiter {

    /** The script beside the jar once installed, and in scripts/ of a checkout. */
    private static final List<String> SCRIPT_PLACES = List.of("vm-run", "../scripts/vm-run");

    private Waiter() {
    }

    /**
     * The waiter's argv.
     *
     * @param vm the {@code vm} command the script runs for each step
     * @param tmux whether bhyve's console is the tmux session's terminal
     */
    static List<String> argv(HostPaths paths, String vm, String name, String iso, boolean tmux) {
        ownRunLock(paths.guestRunLock(name));
        return List.of("lockf", "-k", "-t", "0", paths.guestRunLock(name).toString(), "sh", script().toString(), vm,
                paths.guestBhyveArgv(name).toString(), tmux ? "-t" : "-", name, iso);
    }

    /**
     * Makes the waiter's lock file root's alone (0600) before lockf opens it: lockf(1) would
     * create it 0666 less the caller's umask, and the modes of what vm makes never depend on that.
     */
    private static void ownRunLock(Path file) {
        try {
            if (!Files.exists(file)) {
                FileMode.PRIVATE_FILE.write(file, "");
            }
            FileMode.PRIVATE_FILE.apply(file);
        } catch (IOException e) {
            throw new VmException("unable to create " + file + ": " + e.getMessage());
        }
    }

    private static Path script() {
        Path jarDir;
        try {
            jarDir = Path.of(Waiter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new VmException("unable to locate vm-run: " + e.getMessage());
        }
        for (String place : SCRIPT_PLACES) {
            Path script = jarDir.resolve(place).normalize();
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new VmException("unable to locate vm-run beside " + jarDir);
    }
}
