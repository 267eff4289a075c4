package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.host.SysctlOutput;

/** What the host's bhyve can do, probed as upstream probes it. */
public final class HostSupport {

    private final VmContext vm;

    public HostSupport(VmContext vm) {
        this.vm = vm;
    }

    private boolean checksDisabled() {
        return YesNo.isTrue(vm.rc().get("vm_disable_host_checks").orElse(""));
    }

    /** False on Intel CPUs without unrestricted guest mode: only single-CPU bhyveload guests then. */
    public boolean unrestrictedGuest() {
        if (checksDisabled() || !vm.host().cpuModel().contains("Intel")) {
            return true;
        }
        return vm.runner().run("sysctl", "-n", "hw.vmm.vmx.cap.unrestricted_guest").firstLine().equals("1");
    }

    /** An IOMMU for PCI passthrough: Intel VT-d (an ACPI DMAR table) or AMD-Vi enabled. */
    boolean iommu() {
        return checksDisabled()
                || vm.runner().runShowingErrors("acpidump", "-t").stdout().contains("DMAR")
                || "1".equals(SysctlOutput.value(vm.runner().runShowingErrors("sysctl", "hw").lines(), "hw.vmm.amdvi.enable"));
    }

    /**
     * Suspend and resume: bhyvectl and the kernel built with snapshot support, and the
     * {@code suspend} setting on. With {@code warn}, says which is missing, as upstream does.
     */
    public boolean suspend(boolean warn) {
        var usage = vm.runner().run("bhyvectl");
        if (!(usage.stdout() + usage.stderr()).contains("--suspend=")) {
            warnIf(warn, "bhyve on this host does not support suspend");
            return false;
        }
        String conftxt = SysctlOutput.value(vm.runner().runShowingErrors("sysctl", "kern.conftxt").lines(), "kern.conftxt");
        if (conftxt == null || !conftxt.contains("BHYVE_SNAPSHOT")) {
            warnIf(warn, "bhyve on this host does not support suspend");
            return false;
        }
        if (!YesNo.isTrue(vm.system().get("suspend", "no"))) {
            warnIf(warn, "bhyve seems to support suspend but disabled in vm-bhyve config");
            return false;
        }
        return true;
    }

    /** The options of a boot: resuming from the guest's saved state when there is one and bhyve can. */
    List<String> resumed(List<String> options, Guest guest, GuestLog log) {
        if (!guest.hasSavedState()) {
            return options;
        }
        if (!suspend(true)) {
            log.write("saved vm state found but suspend/resume is unavailable or disabled, attempting to cold boot");
            return options;
        }
        log.write("saved vm state found, resuming");
        List<String> resumed = new ArrayList<>(options);
        resumed.addAll(List.of("-r", guest.dir().resolve(guest.name() + ".save").toString()));
        return resumed;
    }

    private void warnIf(boolean warn, String message) {
        if (warn) {
            vm.ui().warn(message);
        }
    }
}
