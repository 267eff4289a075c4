package org.vmbhyve.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void padsLikeColumnT() {
        String table = new TextTable()
                .row("NAME", "DATASTORE", "LOADER", "STATE", "TAGS")
                .row("db1", "default", "grub", "Stopped", "-")
                .row("web1", "default", "bhyveload", "Running (42)", "a,b")
                .render();
        assertEquals("""
                NAME  DATASTORE  LOADER     STATE         TAGS
                db1   default    grub       Stopped       -
                web1  default    bhyveload  Running (42)  a,b
                """, table);
    }
}
