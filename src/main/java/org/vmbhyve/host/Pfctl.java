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
        return enabled(runner.run("pfctl", "-s", "info"));
    }

    /** {@code pfctl -s WHAT}: for a caller that reports pfctl's own failure. */
    public ProcessResult show(String what) {
        return runner.run("pfctl", "-s", what);
    }

    /** Whether {@code pfctl -s info} said pf is enabled. */
    public static boolean enabled(ProcessResult info) {
        return info.lines().stream().anyMatch(l -> l.startsWith("Status: Enabled"));
    }

    /**
     * The main ruleset calls the anchor from its translation rules: {@code pfctl -s nat} lists
     * such a call as {@code nat-anchor "PATH" all}.
     */
    public boolean hasNatAnchor(String path) {
        return hasNatAnchor(runner.run("pfctl", "-s", "nat"), path);
    }

    /** Whether {@code pfctl -s nat} listed a call of the anchor PATH. */
    public static boolean hasNatAnchor(ProcessResult nat, String path) {
        String call = "nat-anchor \"" + path + "\"";
        return nat.lines().stream().anyMatch(l -> l.trim().startsWith(call));
    }

    /** Replaces the rules of an anchor with {@code rules} ({@code pfctl -a ANCHOR -f -}). */
    public ProcessResult load(String anchor, String rules) {
        return runner.run(List.of("pfctl", "-a", anchor, "-f", "-"), rules);
    }

    /** Removes the translation rules of an anchor ({@code pfctl -a ANCHOR -F nat}). */
    public ProcessResult flushNat(String anchor) {
        return runner.run("pfctl", "-a", anchor, "-F", "nat");
    }
}
