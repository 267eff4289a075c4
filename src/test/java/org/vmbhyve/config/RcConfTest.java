package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RcConfTest {

    @Test
    void readsShellAssignmentsWithoutEvaluating() {
        RcConf rc = RcConf.parse("""
                # comment
                vm_enable="YES"
                vm_dir='zfs:zroot/vm'
                vm_list="web db" # autostart
                vm_delay=5
                other="$(reboot)"
                """);
        assertEquals(Optional.of("YES"), rc.get("vm_enable"));
        assertEquals(Optional.of("zfs:zroot/vm"), rc.get("vm_dir"));
        assertEquals(Optional.of("web db"), rc.get("vm_list"));
        assertEquals(Optional.of("5"), rc.get("vm_delay"));
        assertEquals(Optional.of("$(reboot)"), rc.get("other"));
        assertEquals(Optional.empty(), rc.get("vm_disable_host_checks"));
    }

    @Test
    void laterFilesWin(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("rc.conf");
        Path b = dir.resolve("rc.conf.local");
        Files.writeString(a, "vm_enable=\"NO\"\nvm_dir=\"/vm\"\n");
        Files.writeString(b, "vm_enable=\"YES\"\n");
        RcConf rc = RcConf.load(Map.of("VM_RC_CONF", a + ":" + dir.resolve("missing") + ":" + b));
        assertEquals(Optional.of("YES"), rc.get("vm_enable"));
        assertEquals(Optional.of("/vm"), rc.get("vm_dir"));
    }
}
