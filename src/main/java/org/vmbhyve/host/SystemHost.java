package org.vmbhyve.host;

import java.util.Optional;

/** Host facts read from the running system, each asked for only when needed. */
public final class SystemHost implements Host {

    private final ProcessRunner runner;
    private String hostname;

    public SystemHost(ProcessRunner runner) {
        this.runner = runner;
    }

    @Override
    public long uid() {
        ProcessResult id = runner.run("id", "-u");
        try {
            return Long.parseLong(id.firstLine().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String hostname() {
        if (hostname == null) {
            hostname = runner.run("hostname").firstLine().trim();
        }
        return hostname;
    }

    @Override
    public Optional<Integer> osReldate() {
        try {
            return Optional.of(Integer.parseInt(runner.run("uname", "-K").firstLine().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
