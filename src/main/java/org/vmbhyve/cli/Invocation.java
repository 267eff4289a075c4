package org.vmbhyve.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.ProcessRunner;

/**
 * What one run of {@code vm} was started with: the name it was called by (for messages and
 * for re-invoking itself), its streams and environment, and the doors to the host. Tests build
 * one with string writers and a recording process runner.
 *
 * @param argv0 the path the user typed, used verbatim in {@code <argv0>: ERROR:} lines
 * @param terminal whether stdin is a terminal, asked only by the commands that prompt or draw
 *     progress: the JDK's console lookup costs about 1 ms (JDK 25)
 */
public record Invocation(
        String argv0,
        Map<String, String> env,
        PrintWriter out,
        PrintWriter err,
        BufferedReader in,
        BooleanSupplier terminal,
        Path workingDir,
        ProcessRunner runner,
        Host host,
        HostPaths paths,
        Clock clock,
        RandomGenerator random) {

    /** Whether stdin is a terminal (confirmation prompts are shown only then). */
    boolean interactive() {
        return terminal.getAsBoolean();
    }
}
