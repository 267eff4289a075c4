package org.vmbhyve.supervise;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.host.ProcessRunner;

/**
 * The supervisor's one child at a time (a loader, then bhyve), run with the supervisor's
 * terminal from {@code /} as upstream runs them, and the stop that a signal passes on to it.
 */
final class ChildRunner {

    private final ProcessRunner runner;
    private final GuestLog log;
    private volatile Process child;
    private volatile boolean stopping;

    ChildRunner(ProcessRunner runner, GuestLog log) {
        this.runner = runner;
        this.log = log;
    }

    /** Runs argv to its end: its exit status, 127 when it cannot run, 130 when interrupted. */
    int run(List<String> argv, ProcessBuilder.Redirect stderr) {
        try {
            child = runner.start(argv, Path.of("/"), true, stderr);
            return child.waitFor();
        } catch (IOException e) {
            log.write("failed to run " + argv.get(0) + ": " + e.getMessage());
            return 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            child = null;
        }
    }

    /** Ends the run: no further boot, and SIGTERM to the child (an ACPI power-off for bhyve). */
    void stop() {
        stopping = true;
        Process running = child;
        if (running != null) {
            running.destroy();
        }
    }

    boolean stopping() {
        return stopping;
    }
}
