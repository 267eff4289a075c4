package org.vmbhyve.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code vm doctor}: whether this host is ready for vm and its guests, in the manner of
 * libvirt's virt-host-validate. Every check reads only; a new check is one class added to
 * {@link #CHECKS}.
 */
public final class Doctor {

    /** In the order printed: kernel, rc.conf, what guests need, network, leftovers, the JDK. */
    private static final List<Check> CHECKS = List.of(
            new VmmCheck(),
            new CpuCheck(),
            new ModulesCheck(),
            new EnableCheck(),
            new VmDirCheck(),
            new BootListCheck(),
            new ShutdownCheck(),
            new GuestConfigCheck(),
            new GuestModesCheck(),
            new FirmwareCheck(),
            new ToolsCheck(),
            new TpmCheck(),
            new SwitchCheck(),
            new NatCheck(),
            new StaleLockCheck(),
            new VmmDeviceCheck(),
            new TapCheck(),
            new BridgeCheck(),
            new SwtpmCheck(),
            new JdkCheck(),
            new ArchiveCheck());

    private final List<Check> checks;

    public Doctor() {
        this(CHECKS);
    }

    Doctor(List<Check> checks) {
        this.checks = checks;
    }

    /** Runs every check; one that breaks down says so in an INFO line, and the rest still run. */
    public List<Diagnosis> examine(DoctorContext host) {
        List<Diagnosis> lines = new ArrayList<>();
        for (Check check : checks) {
            try {
                lines.addAll(check.run(host));
            } catch (RuntimeException e) {
                lines.add(Diagnosis.info(check.getClass().getSimpleName().replace("Check", "").toLowerCase(),
                        "could not check: " + e.getMessage()));
            }
        }
        return lines;
    }

    /** Whether any line failed, which makes {@code vm doctor} exit 1. */
    public static boolean failed(List<Diagnosis> lines) {
        for (Diagnosis line : lines) {
            if (line.status() == Status.FAIL) {
                return true;
            }
        }
        return false;
    }
}
