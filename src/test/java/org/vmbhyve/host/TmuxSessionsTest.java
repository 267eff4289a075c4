package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TmuxSessionsTest {

    @Test
    void findsASessionWhateverFollowsItsName() {
        assertTrue(TmuxSessions.has(HostOutput.lines("tmux-ls-2014-freebsd-geometry.txt"), "openbsd0"));
        assertTrue(TmuxSessions.has(HostOutput.lines("tmux-ls-2026-attached.txt"), "foundation"));
        List<String> two = HostOutput.lines("tmux-ls-2026-padded-day.txt");
        assertTrue(TmuxSessions.has(two, "PO"));
        assertTrue(TmuxSessions.has(two, "BE"));
    }

    @Test
    void aPrefixOrAnotherNameIsNotTheSession() {
        assertFalse(TmuxSessions.has(HostOutput.lines("tmux-ls-2014-freebsd-geometry.txt"), "openbsd"));
        assertFalse(TmuxSessions.has(HostOutput.lines("tmux-ls-2026-padded-day.txt"), "P"));
        assertFalse(TmuxSessions.has(List.of(), "web"), "no server running: nothing on stdout");
    }

    /** vm names the session of guest a.b "a~b" (tmux takes '.' as a pane separator). */
    @Test
    void aDottedGuestIsFoundByItsSessionName() {
        List<String> ls = List.of("a~b: 1 windows (created Sat Mar  1 14:23:00 2026)");
        assertTrue(TmuxSessions.has(ls, "a~b"));
        assertFalse(TmuxSessions.has(ls, "a.b"));
    }
}
