package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;

/** {@code ifconfig(8)}, always as an argv list. */
public final class Ifconfig {

    private final ProcessRunner runner;

    public Ifconfig(ProcessRunner runner) {
        this.runner = runner;
    }

    public ProcessResult run(String... args) {
        List<String> argv = new ArrayList<>(args.length + 1);
        argv.add("ifconfig");
        argv.addAll(List.of(args));
        return runner.run(argv);
    }

    /** The interfaces in a group ({@code ifconfig -g GROUP}), as one trimmed string. */
    public String group(String group) {
        return run("-g", group).stdout().trim();
    }
}
