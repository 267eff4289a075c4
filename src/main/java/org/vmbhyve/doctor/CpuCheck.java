package org.vmbhyve.doctor;

import java.util.List;

/**
 * The CPU's virtualization support, read from the sysctls vmm publishes once initialised:
 * {@code hw.vmm.vmx.initialized} and {@code hw.vmm.vmx.cap.unrestricted_guest} on Intel
 * (freebsd-src sys/amd64/vmm/intel/vmx.c), {@code hw.vmm.svm.num_asids} on AMD
 * (sys/amd64/vmm/amd/svm.c, set when SVM with nested paging was enabled). Upstream's
 * {@code util::check_bhyve_support} reads the Intel pair and tells vendors by {@code hw.model}.
 */
final class CpuCheck implements Check {

    @Override
    public List<Diagnosis> run(DoctorContext host) {
        // Host.cpuModel is sysctl's whole line, as upstream greps it: "hw.model: <model>"
        String model = host.host().cpuModel().trim();
        if (model.startsWith("hw.model:")) {
            model = model.substring("hw.model:".length()).trim();
        }
        if (!host.moduleLoaded("vmm")) {
            return List.of(Diagnosis.info("cpu", model + ": not checked until vmm.ko is loaded"));
        }
        if (model.contains("Intel")) {
            if (!host.sysctl("hw.vmm.vmx.initialized").equals("1")) {
                return List.of(Diagnosis.fail("cpu", "Intel VT-x is not initialised (hw.vmm.vmx.initialized)",
                        VmmCheck.FIRMWARE_FIX));
            }
            if (!host.sysctl("hw.vmm.vmx.cap.unrestricted_guest").equals("1")) {
                return List.of(Diagnosis.warn("cpu", "Intel VT-x without unrestricted guest mode: only"
                        + " single-CPU bhyveload guests run, no UEFI or grub guests",
                        "run UEFI guests on a CPU with unrestricted guest mode (Westmere or later)"));
            }
            return List.of(Diagnosis.pass("cpu", "Intel VT-x with unrestricted guest mode (UEFI guests work)"));
        }
        if (model.contains("AMD")) {
            String asids = host.sysctl("hw.vmm.svm.num_asids");
            return List.of(Diagnosis.pass("cpu", "AMD SVM is initialised"
                    + (asids.isEmpty() ? "" : " (" + asids + " ASIDs)")));
        }
        return List.of(Diagnosis.info("cpu", "vmm is initialised on an unrecognised CPU: " + model));
    }
}
