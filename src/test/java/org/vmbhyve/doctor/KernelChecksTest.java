package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmbhyve.host.FakeRunner.fail;
import static org.vmbhyve.host.FakeRunner.ok;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vmm.ko, the CPU's virtualization sysctls and the modules vm init loads: read, never loaded. */
class KernelChecksTest {

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
    }

    /** kldstat answers: modules listed here are loaded (initialised); {@code vmm-file} means -qn vmm succeeds. */
    private void loaded(List<String> modules, boolean vmmFileLoaded) {
        host.runner.answer("kldstat", argv -> {
            boolean file = argv.get(1).equals("-qn") && vmmFileLoaded;
            return modules.contains(argv.get(2)) || file ? ok("") : fail();
        });
    }

    @Test
    void vmmLoadedPasses() {
        assertEquals(List.of(Diagnosis.pass("vmm", "vmm.ko is loaded")), host.run(new VmmCheck()));
        assertEquals(List.of(List.of("kldstat", "-qm", "vmm")), host.runner.calls());
    }

    @Test
    void vmmLoadedButNotInitialisedFailsWithTheFirmwareStep() {
        loaded(List.of(), true);
        Diagnosis line = host.run(new VmmCheck()).get(0);
        assertEquals(Status.FAIL, line.status());
        assertEquals(VmmCheck.FIRMWARE_FIX, line.fix());
    }

    @Test
    void vmmNotLoadedWarnsWhenLoadableAndFailsWhenMissingButNeverLoadsIt() throws IOException {
        loaded(List.of(), false);
        assertEquals(List.of(Diagnosis.fail("vmm", "vmm.ko is not loaded and not found in /boot/kernel or /boot/modules",
                "kldload vmm")), host.run(new VmmCheck()));
        host.file("/boot/kernel/vmm.ko");
        assertEquals(List.of(Diagnosis.warn("vmm", "vmm.ko is not loaded (vm loads it when root runs a command)",
                "kldload vmm")), host.run(new VmmCheck()));
        assertEquals(List.of(), host.runner.calls("kldload"));
    }

    @Test
    void intelReadsVmxInitialisedAndUnrestrictedGuest() {
        host.runner.answer("sysctl", argv -> ok("1\n"));
        assertEquals(List.of(Diagnosis.pass("cpu", "Intel VT-x with unrestricted guest mode (UEFI guests work)")),
                host.run(new CpuCheck()));
        assertEquals(List.of(List.of("sysctl", "-n", "hw.vmm.vmx.initialized"),
                List.of("sysctl", "-n", "hw.vmm.vmx.cap.unrestricted_guest")), host.runner.calls("sysctl"));

        host.runner.answer("sysctl", argv -> ok(argv.get(2).endsWith("unrestricted_guest") ? "0\n" : "1\n"));
        assertEquals(Status.WARN, host.run(new CpuCheck()).get(0).status());

        host.runner.answer("sysctl", argv -> ok("0\n"));
        Diagnosis uninitialised = host.run(new CpuCheck()).get(0);
        assertEquals(Status.FAIL, uninitialised.status());
        assertEquals("Intel VT-x is not initialised (hw.vmm.vmx.initialized)", uninitialised.detail());
    }

    @Test
    void amdReportsItsAsids() {
        host.cpuModel = "AMD EPYC 7302P 16-Core Processor";
        host.runner.answer("sysctl", argv -> argv.get(2).equals("hw.vmm.svm.num_asids") ? ok("32768\n") : fail());
        assertEquals(List.of(Diagnosis.pass("cpu", "AMD SVM is initialised (32768 ASIDs)")), host.run(new CpuCheck()));
    }

    @Test
    void theCpuIsNotJudgedWithoutVmm() {
        loaded(List.of(), false);
        host.cpuModel = "hw.model: AMD Ryzen 7 5800X 8-Core Processor\n";
        assertEquals(List.of(Diagnosis.info("cpu", "AMD Ryzen 7 5800X 8-Core Processor: not checked until vmm.ko is loaded")),
                host.run(new CpuCheck()));
        assertEquals(List.of(), host.runner.calls("sysctl"));
    }

    @Test
    void modulesLoadedOrLoadablePassMissingFail() throws IOException {
        loaded(List.of("nmdm"), false);
        host.file("/boot/modules/if_bridge.ko");
        assertEquals(List.of(
                Diagnosis.pass("nmdm", "nmdm.ko is loaded"),
                Diagnosis.pass("if_bridge", "if_bridge.ko is not loaded; vm init loads it"),
                Diagnosis.fail("if_tuntap", "if_tuntap.ko is not loaded and not found in /boot/kernel or /boot/modules",
                        "kldload if_tuntap")), host.run(new ModulesCheck()));
    }

    @Test
    void beforeTheTuntapMergeTheTapModuleIsChecked() {
        host.osReldate = java.util.Optional.of(1200086);
        assertEquals("if_tap", host.run(new ModulesCheck()).get(2).check());
    }
}
