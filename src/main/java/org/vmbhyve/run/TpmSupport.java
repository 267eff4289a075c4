package org.vmbhyve.run;

import java.nio.file.Files;
import java.util.Optional;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.ProcessRunner;

/**
 * Whether this host can give guests a TPM, and why not: the one answer {@code vm start},
 * {@code vm check} and {@code vm doctor} share.
 *
 * <p>The release is the kernel's {@code __FreeBSD_version} from {@code uname -K}
 * ({@link org.vmbhyve.host.Host#osReldate()}). The values are those of {@code sys/sys/param.h},
 * listed in the Porter's Handbook ("__FreeBSD_version values"): 1400000 opened 14.0, where
 * bhyve gained its TPM device with the passthru backend (tpm_emul_passthru.c, 2023), and
 * 1500000 opened 15.0, the first release whose bhyve has the swtpm backend
 * (tpm_emul_swtpm.c, 2024). bhyve is part of the base system, built and upgraded with the
 * kernel by freebsd-update or a source upgrade, so the kernel's version stands for bhyve's.
 */
public final class TpmSupport {

    /** __FreeBSD_version of 14.0-CURRENT's start: bhyve's {@code -l tpm,passthru,DEVICE}. */
    public static final int PASSTHRU_RELDATE = 1400000;
    /** __FreeBSD_version of 15.0-CURRENT's start: bhyve's {@code -l tpm,swtpm,SOCKET}. */
    public static final int SWTPM_RELDATE = 1500000;

    private final Host host;
    private final ProcessRunner runner;
    private final HostPaths paths;

    public TpmSupport(VmContext vm) {
        this(vm.host(), vm.runner(), vm.paths());
    }

    /** For {@code vm doctor}, which asks even where no {@code vm_dir} can be read. */
    public TpmSupport(Host host, ProcessRunner runner, HostPaths paths) {
        this.host = host;
        this.runner = runner;
        this.paths = paths;
    }

    /** Why a guest with {@code tpm="swtpm"} cannot run here; empty when it can. */
    public Optional<String> swtpmProblem() {
        Optional<String> release = release(SWTPM_RELDATE, "swtpm", "15.0");
        if (release.isPresent()) {
            return release;
        }
        if (!runner.available("swtpm")) {
            return Optional.of("tpm=\"swtpm\" needs the swtpm program, which is not installed"
                    + " (install sysutils/swtpm)");
        }
        return Optional.empty();
    }

    /** Why a guest with {@code tpm="passthru"} of DEVICE cannot run here; empty when it can. */
    public Optional<String> passthruProblem(String device) {
        Optional<String> release = release(PASSTHRU_RELDATE, "passthru", "14.0");
        if (release.isPresent()) {
            return release;
        }
        if (!Files.exists(paths.get(device))) {
            return Optional.of("TPM device " + device + " does not exist (is tpm(4) loaded? kldload tpm)");
        }
        return Optional.empty();
    }

    /** The version {@code uname -K} reports; empty when it cannot be read. */
    public Optional<Integer> osReldate() {
        return host.osReldate();
    }

    /**
     * Older releases are refused by name. A version that cannot be read is let through: bhyve
     * then says itself what it lacks, which beats refusing a host that may well have it.
     */
    private Optional<String> release(int needed, String backend, String name) {
        Optional<Integer> reldate = osReldate();
        if (reldate.isPresent() && reldate.get() < needed) {
            return Optional.of("tpm=\"" + backend + "\" needs FreeBSD " + name + " or later, whose bhyve has the "
                    + backend + " TPM backend (this host's uname -K is " + reldate.get() + ")");
        }
        return Optional.empty();
    }
}
