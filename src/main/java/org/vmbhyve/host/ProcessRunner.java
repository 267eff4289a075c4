package org.vmbhyve.host;

import java.util.List;

/**
 * The one seam through which every external program runs. Commands are argv lists, never
 * shell strings, so no config value can ever be interpreted by a shell.
 */
public interface ProcessRunner {

    /** Runs argv to completion and captures its output. A missing tool yields exit 127. */
    ProcessResult run(List<String> argv);

    /** Runs argv with this process's terminal (editor, console, fetch progress) and waits. */
    int runAttached(List<String> argv);

    /** True when argv[0] can be found on the tool path. */
    boolean available(String tool);

    default ProcessResult run(String... argv) {
        return run(List.of(argv));
    }
}
