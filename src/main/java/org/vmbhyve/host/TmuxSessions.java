package org.vmbhyve.host;

import java.util.List;

/**
 * Reads {@code tmux ls}: {@code NAME: N windows (created DATE)}, then {@code [WxH]} on older
 * tmux and {@code (attached)} while a client is attached.
 */
public final class TmuxSessions {

    private TmuxSessions() {
    }

    /**
     * Whether a session of that name is listed. Upstream greps for the guest's name, but its
     * sessions are named with every {@code .} turned to {@code ~}; the session name is the one
     * to look for (which is what upstream's unescaped {@code .} happens to match).
     */
    public static boolean has(List<String> lines, String session) {
        String start = session + ": ";
        for (String line : lines) {
            if (line.startsWith(start)) {
                return true;
            }
        }
        return false;
    }
}
