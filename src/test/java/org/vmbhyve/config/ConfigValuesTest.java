package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void readsQuotedAndBareValues() {
        ConfigValues c = ConfigValues.parse("loader=\"bhyveload\"\ncpu=1\nmemory=256M\n");
        assertEquals("bhyveload", c.value("loader"));
        assertEquals("1", c.value("cpu"));
        assertEquals("256M", c.value("memory"));
    }

    @Test
    void firstAssignmentWins() {
        ConfigValues c = ConfigValues.parse("cpu=1\ncpu=4\n");
        assertEquals("1", c.value("cpu"));
    }

    @Test
    void linesNotStartingWithLowerCaseLetterAreIgnored() {
        ConfigValues c = ConfigValues.parse("#cpu=9\n cpu=8\nCPU=7\n_cpu=6\ncpu=2\n");
        assertEquals("2", c.value("cpu"));
        assertEquals(Optional.empty(), c.get("CPU"));
    }

    @Test
    void hashStartsACommentEvenInsideQuotesAndTrailingSpacesGo() {
        ConfigValues c = ConfigValues.parse("bhyve_options=\"-x # not a comment\"\nmemory=1G   # one gig\n");
        assertEquals("-x", c.value("bhyve_options"));
        assertEquals("1G", c.value("memory"));
    }

    @Test
    void everyDoubleQuoteIsDeletedAndNothingIsEvaluated() {
        ConfigValues c = ConfigValues.parse("a=\"x\"y\"z\"\nb=$(rm -rf /)\nc=`reboot`; echo hi\n");
        assertEquals("xyz", c.value("a"));
        assertEquals("$(rm -rf /)", c.value("b"));
        assertEquals("`reboot`; echo hi", c.value("c"));
    }

    @Test
    void valueKeepsLaterEqualsSigns() {
        assertEquals("smbios.x=1", ConfigValues.parse("opt=smbios.x=1\n").value("opt"));
    }

    @Test
    void emptyValueCountsAsSet() {
        ConfigValues c = ConfigValues.parse("tags=\"\"\n");
        assertEquals(Optional.of(""), c.get("tags"));
        assertEquals("-", c.get("missing", "-"));
    }

    @Test
    void yesnoFollowsUpstream() {
        ConfigValues c = ConfigValues.parse("a=yes\nb=NO\nc=off\nd=0\ne=whatever\nf=\n");
        assertTrue(c.yesno("a"));
        assertFalse(c.yesno("b"));
        assertFalse(c.yesno("c"));
        assertFalse(c.yesno("d"));
        assertTrue(c.yesno("e"));
        assertFalse(c.yesno("f"));
        assertFalse(c.yesno("unset"));
        assertTrue(c.yesno("unset", "yes"));
    }
}
