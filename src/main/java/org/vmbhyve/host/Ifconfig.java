package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ifconfig(8)}, always as an argv list. {@link #run} keeps its stderr, for the calls
 * upstream silences ({@code 2>/dev/null}) and vm's own probes; {@link #show} lets it reach the
 * user, for the calls upstream makes bare.
 */
public final class Ifconfig {

    private final ProcessRunner runner;

    public Ifconfig(ProcessRunner runner) {
        this.runner = runner;
    }

    public ProcessResult run(String... args) {
        return runner.run(argv(args));
    }

    /** Runs ifconfig capturing its stdout while its complaints go to the user's stderr. */
    public ProcessResult show(String... args) {
        return runner.runShowingErrors(argv(args));
    }

    private static List<String> argv(String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add("ifconfig");
        argv.addAll(List.of(args));
        return argv;
    }

    /** The interfaces in a group ({@code ifconfig -g GROUP}), as one trimmed string. */
    public String group(String group) {
        return run("-g", group).stdout().trim();
    }
}
