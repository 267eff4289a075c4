package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SysrcEditTest {

    private static final List<String> TEMPLATE = List.of(
            "# a comment",
            "loader=\"bhyveload\"",
            "cpu=1",
            "memory=256M # small",
            "",
            "network0_switch='public'");

    @Test
    void bareValueIsReplacedAndQuoted() {
        List<String> out = SysrcEdit.assign(TEMPLATE, "cpu", "4");
        assertEquals("cpu=\"4\"", out.get(2));
        assertEquals(TEMPLATE.size(), out.size());
    }

    @Test
    void trailingCommentAndQuoteStyleAreKept() {
        assertEquals("memory=\"2G\" # small", SysrcEdit.assign(TEMPLATE, "memory", "2G").get(3));
        assertEquals("network0_switch='lan'", SysrcEdit.assign(TEMPLATE, "network0_switch", "lan").get(5));
        assertEquals("loader=\"grub\"", SysrcEdit.assign(TEMPLATE, "loader", "grub").get(1));
    }

    @Test
    void everyOtherLineIsUntouched() {
        List<String> out = SysrcEdit.assign(TEMPLATE, "cpu", "4");
        for (int i = 0; i < TEMPLATE.size(); i++) {
            if (i != 2) {
                assertEquals(TEMPLATE.get(i), out.get(i));
            }
        }
    }

    @Test
    void newKeyIsAppendedQuoted() {
        List<String> out = SysrcEdit.assign(TEMPLATE, "uuid", "abc");
        assertEquals("uuid=\"abc\"", out.get(out.size() - 1));
    }

    @Test
    void lastAssignmentIsTheOneReplaced() {
        List<String> out = SysrcEdit.assign(List.of("cpu=1", "cpu=2"), "cpu", "3");
        assertEquals(List.of("cpu=1", "cpu=\"3\""), out);
    }

    @Test
    void prefixOfAnotherKeyDoesNotMatch() {
        List<String> out = SysrcEdit.assign(List.of("cpu_cores=2"), "cpu", "3");
        assertEquals(List.of("cpu_cores=2", "cpu=\"3\""), out);
    }

    @Test
    void expressionIsLeftAndNewAssignmentAppended() {
        List<String> out = SysrcEdit.assign(List.of("cpu=$(nproc)"), "cpu", "2");
        assertEquals(List.of("cpu=$(nproc)", "cpu=\"2\""), out);
    }

    @Test
    void wordsAreAppendedOnceAndRemoved() {
        List<String> lines = List.of("switch_list=\"public lan\"");
        assertEquals(List.of("switch_list=\"public lan dmz\""),
                SysrcEdit.appendWords(lines, "switch_list", List.of("lan", "dmz")));
        assertEquals(List.of("switch_list=\"lan\""), SysrcEdit.removeWords(lines, "switch_list", List.of("public")));
        assertEquals(List.of("switch_list=\"\""),
                SysrcEdit.removeWords(List.of("switch_list=\"office\""), "switch_list", List.of("office")));
        assertEquals(List.of("datastore_list=\"ssd\""), SysrcEdit.appendWords(List.of(), "datastore_list", List.of("ssd")));
    }

    @Test
    void deleteRemovesEveryAssignment() {
        assertEquals(List.of("a=1"), SysrcEdit.delete(List.of("disk0_size=20G", "a=1", " disk0_size=1G"), "disk0_size"));
        assertNull(SysrcEdit.delete(List.of("a=1"), "disk0_size"));
    }

    @Test
    void valuesThatWouldBreakTheFileAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SysrcEdit.assign(TEMPLATE, "a", "x\"y"));
        assertThrows(IllegalArgumentException.class, () -> SysrcEdit.assign(TEMPLATE, "a", "x\ny=1"));
    }
}
