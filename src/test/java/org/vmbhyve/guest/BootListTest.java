package org.vmbhyve.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.config.RcConf;

class BootListTest {

    @Test
    void renameOfAListedGuestNamesTheFileAndTheFix(@TempDir Path dir) throws Exception {
        Path main = dir.resolve("rc.conf");
        Path local = dir.resolve("rc.conf.local");
        Files.writeString(main, "vm_enable=\"YES\"\nvm_list=\"old\"\n");
        Files.writeString(local, "vm_list=\"web db\"\n");
        BootList list = new BootList(RcConf.load(Map.of("VM_RC_CONF", main + ":" + local)));
        assertEquals(List.of("vm_list in " + local + " still names web, so the host will not start www at boot",
                "to fix it, run: sysrc -f " + local + " vm_list-=web vm_list+=www"), list.afterRename("web", "www"));
        assertEquals(List.of("vm_list in " + local + " still names db, which no longer exists",
                "to fix it, run: sysrc -f " + local + " vm_list-=db"), list.afterDestroy("db"));
    }

    @Test
    void onlyWholeWordsCount() {
        BootList list = new BootList(RcConf.parse("vm_list=\"webserver db\"\n"));
        assertEquals(List.of(), list.afterRename("web", "www"));
        assertEquals(List.of(), list.afterDestroy("d"));
        assertEquals(List.of(), new BootList(RcConf.parse("vm_enable=YES\n")).afterDestroy("db"));
    }

    @Test
    void withoutAKnownFilePlainSysrc() {
        BootList list = new BootList(RcConf.parse("vm_list=\"web\"\n"));
        assertEquals(List.of("vm_list in rc.conf still names web, which no longer exists",
                "to fix it, run: sysrc vm_list-=web"), list.afterDestroy("web"));
    }
}
