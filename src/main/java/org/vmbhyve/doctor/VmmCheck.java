package org.vmbhyve.doctor;

import java.util.List;

/**
 * vmm.ko, as upstream's {@code util::load_vmm} (lib/vm-util) judges it, without loading it:
 * {@code kldstat -qm vmm} (modstat: initialised) and {@code kldstat -qn vmm} (file loaded).
 */
final class VmmCheck implements Check {

    static final String FIRMWARE_FIX = "enable VT-x / AMD-V (SVM) in the firmware setup, then reboot";

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        if (host.moduleLoaded("vmm")) {
            return List.of(Diagnosis.pass("vmm", "vmm.ko is loaded"));
        }
        if (host.runner().run("kldstat", "-qn", "vmm").ok()) {
            return List.of(Diagnosis.fail("vmm",
                    "vmm.ko is loaded but not initialised: virtualization is not supported or is disabled", FIRMWARE_FIX));
        }
        if (host.moduleFile("vmm")) {
            return List.of(Diagnosis.warn("vmm", "vmm.ko is not loaded (vm loads it when root runs a command)",
                    "kldload vmm"));
        }
        return List.of(Diagnosis.fail("vmm", "vmm.ko is not loaded and not found in /boot/kernel or /boot/modules",
                "kldload vmm"));
    }
}
