package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No published capture of the {@code -H} forms vm runs was found (see the host-output README);
 * beside the man page's own example, the lines below are built to the man pages' contract (one
 * TAB between fields) from values of published non-{@code -H} outputs (zfs.md S1, S3, S5).
 */
class ZfsOutputTest {

    @Test
    void theManPagesValueExample() {
        assertEquals("on", ZfsOutput.value(HostOutput.lines("zfs-get-H-o-value-manpage.txt")));
    }

    @Test
    void noneAndNothingAreNoValue() {
        assertNull(ZfsOutput.value(List.of("-")));
        assertNull(ZfsOutput.value(List.of()));
        assertEquals("tank/vm/win2012@342a3d90", ZfsOutput.value(List.of("tank/vm/win2012@342a3d90")));
    }

    @Test
    void fieldsSplitAtTabsOnlySoTheCreationDateKeepsItsBlanks() {
        assertEquals(List.of("zroot/vm@first", "0B", "Sat Jan 29 19:30 2022"),
                ZfsOutput.fields("zroot/vm@first\t0B\tSat Jan 29 19:30 2022"));
        assertEquals(List.of("tank/vm/db@s", "0B", "Thu Jan  1  0:00 2026"),
                ZfsOutput.fields("tank/vm/db@s\t0B\tThu Jan  1  0:00 2026"));
        assertEquals(List.of("a", "", "c"), ZfsOutput.fields("a\t\tc"));
    }

    @Test
    void exactValueIsTheThirdField() {
        assertEquals(34359738368L, ZfsOutput.exactValue(
                List.of("Mirror01-128Gb/Storage01-128Gb/vm-100-disk-1\tvolsize\t34359738368\tlocal")));
        assertEquals(57344L, ZfsOutput.exactValue(List.of("zroot/usr/vm/freebsd/disk0\treferenced\t57344\t-")));
        assertNull(ZfsOutput.exactValue(List.of("zroot/usr/vm/freebsd/disk0\treferenced\t56K\t-")), "without -p");
        assertNull(ZfsOutput.exactValue(List.of()));
    }
}
