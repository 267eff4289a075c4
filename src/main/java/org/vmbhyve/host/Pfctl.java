package org.vmbhyve.host;

import java.util.List;

/**
 * The {@code pfctl(8)} calls NAT needs. Rules are fed on stdin ({@code -f -}), never through a
 * file another program could change or a shell; only anchors vm loaded are ever flushed.
 */
public final class Pfctl {

    private final ProcessRunner runner;

    public Pfctl(ProcessRunner runner) {
        this.runner = runner;
    }

    /** pf is loaded and enabled: {@code pfctl -s info} starts with {@code Status: Enabled}. */
    public boolean enabled() {
        return runner.run("pfctl", "-s", "info").lines().stream().anyMatch(l -> l.startsWith("Status: Enabled"));
    }

    /**
     * The main ruleset calls the anchor from its translation rules: {@code pfctl -s nat} lists
     * such a call as {@code nat-anchor "PATH" all}.
     */
    public boolean hasNatAnchor(String path) {
        String call = "nat-anchor \"" + path + "\"";
        return runner.run("pfctl", "-s", "nat").lines().stream().anyMatch(l -> l.trim().startsWith(call));
    }

    /** Replaces the rules of an anchor with {@code rules} ({@code pfctl -a ANCHOR -f -}). */
    public boolean load(String anchor, String rules) {
        return runner.run(List.of("pfctl", "-a", anchor, "-f", "-"), rules).ok();
    }

    /** Removes the translation rules of an anchor ({@code pfctl -a ANCHOR -F nat}). */
    public void flushNat(String anchor) {
        runner.run("pfctl", "-a", anchor, "-F", "nat");
    }
}
