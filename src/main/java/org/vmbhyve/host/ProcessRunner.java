package org.vmbhyve.host;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one seam through which every external program runs. Commands are argv lists, never
 * shell strings, so no config value can ever be interpreted by a shell.
 */
public interface ProcessRunner {

    /** Runs argv to completion and captures its output. A missing tool yields exit 127. */
    ProcessResult run(List<String> argv);

    /**
     * Runs argv to completion capturing its stdout, while its stderr goes straight to this
     * process's stderr: a call upstream makes without {@code 2>/dev/null}, so the tool's own
     * complaint reaches the user. The result's stderr is empty; a missing tool says so there.
     */
    ProcessResult runShowingErrors(List<String> argv);

    /** Runs argv to completion with {@code input} as its stdin (e.g. rules for {@code pfctl -f -}). */
    ProcessResult run(List<String> argv, String input);

    /** Runs argv with this process's terminal (editor, console, fetch progress) and waits. */
    int runAttached(List<String> argv);

    /**
     * Starts argv as a child the caller supervises (bhyve, a loader, a detached {@code vm _run}).
     *
     * @param dir the working directory
     * @param attached whether stdin and stdout are this process's; otherwise they are /dev/null
     * @param stderr where the child's stderr goes
     */
    Process start(List<String> argv, Path dir, boolean attached, ProcessBuilder.Redirect stderr) throws IOException;

    /**
     * Runs commands joined by pipes, as sh's {@code a | b | c}, each stderr to the terminal.
     *
     * @param input what the first command reads
     * @param output where the last command writes
     * @return the exit status of each command, in order (a missing tool counts 127)
     */
    List<Integer> pipeline(List<List<String>> commands, ProcessBuilder.Redirect input, ProcessBuilder.Redirect output);

    /** True when argv[0] can be found on the tool path. */
    boolean available(String tool);

    /** The full path of a tool on the tool path ({@code which}). */
    Optional<Path> which(String tool);

    default ProcessResult run(String... argv) {
        return run(List.of(argv));
    }

    default ProcessResult runShowingErrors(String... argv) {
        return runShowingErrors(List.of(argv));
    }
}
