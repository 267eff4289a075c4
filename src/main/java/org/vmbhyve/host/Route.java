package org.vmbhyve.host;

import java.util.Optional;

/** {@code route(8)} lookups. */
public final class Route {

    private final ProcessRunner runner;

    public Route(ProcessRunner runner) {
        this.runner = runner;
    }

    /** The interface of the default route: the {@code interface:} line of {@code route -n get default}. */
    public Optional<String> defaultInterface() {
        return defaultInterface(getDefault());
    }

    /** {@code route -n get default}: for a caller that reports route's own complaint. */
    public ProcessResult getDefault() {
        return runner.run("route", "-n", "get", "default");
    }

    /** The {@code interface:} of a {@code route -n get default} that succeeded. */
    public static Optional<String> defaultInterface(ProcessResult result) {
        return result.ok() ? RouteOutput.value(result.lines(), "interface") : Optional.empty();
    }
}
