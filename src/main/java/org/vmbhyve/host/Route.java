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
        ProcessResult result = runner.run("route", "-n", "get", "default");
        if (!result.ok()) {
            return Optional.empty();
        }
        return RouteOutput.value(result.lines(), "interface");
    }
}
