package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SysctlOutputTest {

    @Test
    void aValueKeepsItsInnerBlanks() {
        List<String> hw = HostOutput.lines("sysctl-12.1-hw-model-blanks.txt");
        assertEquals("Intel(R) Xeon(R) CPU           X3220  @ 2.40GHz", SysctlOutput.value(hw, "hw.model"));
        assertEquals("4", SysctlOutput.value(hw, "hw.ncpu"));
        assertEquals("amd64", SysctlOutput.value(hw, "hw.machine"), "not hw.machine_arch");
        assertEquals("Intel Core Processor (Skylake)",
                SysctlOutput.value(HostOutput.lines("sysctl-hw-model-in-a-vm.txt"), "hw.model"));
        assertNull(SysctlOutput.value(hw, "hw.vmm.amdvi.enable"));
    }

    @Test
    void aValueOverSeveralLinesIsKeptWhole() {
        assertEquals("FreeBSD 11.2-RELEASE-p10 #0: Mon May 13 21:20:50 UTC 2019\n"
                        + "    root@amd64-builder.daemonology.net:/usr/obj/usr/src/sys/GENERIC",
                SysctlOutput.value(HostOutput.lines("sysctl-11.2-kern-version-two-lines.txt"), "kern.version"));
    }

    @Test
    void readsAndWritesOfTheTapSetting() {
        assertEquals("0", SysctlOutput.value(HostOutput.lines("sysctl-11.0-up-on-open.txt"), "net.link.tap.up_on_open"));
        assertEquals("0 -> 1", SysctlOutput.value(HostOutput.lines("sysctl-up-on-open-write.txt"), "net.link.tap.up_on_open"));
    }
}
