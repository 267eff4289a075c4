package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vmbhyve.error.VmException;

class CommandMatcherTest {

    private static final List<String> TOP = CommandTree.names();
    private static final List<String> SWITCH =
            List.of("create", "list", "destroy", "add", "remove", "vlan", "nat", "address", "private", "info");

    @Test
    void uniquePrefixSelects() {
        assertEquals(Optional.of("list"), CommandMatcher.find("li", TOP));
        assertEquals(Optional.of("switch"), CommandMatcher.find("sw", TOP));
        assertEquals(Optional.of("list"), CommandMatcher.find("li", SWITCH));
    }

    @Test
    void exactMatchWinsOverLongerCommands() {
        assertEquals(Optional.of("stop"), CommandMatcher.find("stop", TOP));
        assertEquals(Optional.of("add"), CommandMatcher.find("add", SWITCH));
    }

    @Test
    void prefixMatchIsCaseInsensitiveButExactMatchIsNot() {
        assertEquals(Optional.of("list"), CommandMatcher.find("LIST", TOP));
        VmException e = assertThrows(VmException.class, () -> CommandMatcher.find("STOP", TOP));
        assertEquals("ambiguous command 'STOP'", e.getMessage());
    }

    @Test
    void ambiguousPrefixIsAnError() {
        assertEquals("ambiguous command 'i'",
                assertThrows(VmException.class, () -> CommandMatcher.find("i", TOP)).getMessage());
        assertEquals("ambiguous command 'sta'",
                assertThrows(VmException.class, () -> CommandMatcher.find("sta", TOP)).getMessage());
    }

    @Test
    void emptyWordIsNoCommand() {
        assertEquals("no command specified",
                assertThrows(VmException.class, () -> CommandMatcher.find("", TOP)).getMessage());
    }

    @Test
    void wordIsALiteralNotAPattern() {
        assertEquals(Optional.empty(), CommandMatcher.find("s.*p", TOP));
        assertEquals(Optional.empty(), CommandMatcher.find(".", TOP));
        assertEquals(Optional.empty(), CommandMatcher.find("frobnicate", TOP));
    }

    /** Upstream's list in its order, then our own additions, so no abbreviation of upstream's changes. */
    @Test
    void topLevelListIsUpstreamsInOrder() {
        assertEquals(List.of("init", "switch", "datastore", "image", "get", "set", "list", "create", "destroy",
                "rename", "install", "start", "stop", "restart", "add", "reset", "poweroff", "startall", "stopall",
                "console", "iso", "img", "configure", "passthru", "_run", "info", "clone", "snapshot", "rollback",
                "migrate", "version", "usage", "edit", "suspend", "suspendall", "discard", "help", "tags", "completion",
                "check", "doctor"), TOP);
    }

    private static String outcome(String word, List<String> commands) {
        try {
            return CommandMatcher.find(word, commands).orElse("none");
        } catch (org.vmbhyve.error.VmException e) {
            return e.getMessage();
        }
    }

    @Test
    void ourWordsChangeNoAbbreviationOfUpstreamWords() {
        List<String> upstream = TOP.subList(0, TOP.indexOf("tags") + 1);
        for (String word : upstream) {
            for (int end = 1; end <= word.length(); end++) {
                String prefix = word.substring(0, end);
                assertEquals(outcome(prefix, upstream), outcome(prefix, TOP), prefix);
            }
        }
        assertEquals("ambiguous command 'c'", outcome("c", TOP));
        assertEquals("ambiguous command 'con'", outcome("con", TOP));
        assertEquals("check", outcome("ch", TOP));
        assertEquals("check", outcome("CHE", TOP));
        assertEquals("check", outcome("check", TOP));
    }
}
