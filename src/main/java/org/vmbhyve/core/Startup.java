package org.vmbhyve.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.RcConf;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.config.YesNo;
import org.vmbhyve.datastore.Datastores;
import org.vmbhyve.datastore.MountTable;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.ProcessRunner;

/**
 * The checks upstream makes before every non-informational command, in its order: enabled in
 * rc.conf, root, vmm loaded and usable, ZFS when asked for, a valid {@code $vm_dir}; then the
 * directory skeleton and {@code system.conf} are made if missing. A user other than root may
 * run commands that only read: for them the host checks (which load modules) are skipped and
 * nothing is created; a preview ({@code --dry-run}) gets neither, whoever runs it.
 */
public final class Startup {

    private final Map<String, String> env;
    private final ProcessRunner runner;
    private final Host host;
    private final Ui ui;

    public Startup(Map<String, String> env, ProcessRunner runner, Host host, Ui ui) {
        this.env = env;
        this.runner = runner;
        this.host = host;
        this.ui = ui;
    }

    /** @param access what the command line does, which decides who may run it and what is checked */
    public VmContext boot(HostPaths paths, Clock clock, RandomGenerator random, Path workingDir, CommandAccess access) {
        RcConf rc = RcConf.load(env);
        checkEnabled(rc);
        // a preview does not even ask who runs it: it checks and creates nothing either way
        boolean root = access != CommandAccess.PREVIEWS && host.isRoot();
        if (!root && access == CommandAccess.CHANGES) {
            throw new VmException("virtual machines can only be managed by root");
        }
        if (root) {
            checkBhyveSupport(rc);
        }

        String vmDirSetting = rc.get("vm_dir").orElse("");
        String zfsDataset = null;
        MountTable mounts = new MountTable(runner);
        if (vmDirSetting.startsWith("zfs:")) {
            if (!runner.run("kldstat", "-qm", "zfs").ok()) {
                throw new VmException("ZFS support requested but ZFS not available");
            }
            zfsDataset = vmDirSetting.substring("zfs:".length());
            String dataset = zfsDataset;
            Optional<String> mountPoint = mounts.mountPoint(zfsDataset);
            if (mountPoint.isEmpty()) {
                throw new VmException("unable to locate mountpoint for ZFS dataset " + dataset);
            }
            vmDirSetting = mountPoint.get();
        }
        if (vmDirSetting.isEmpty() || !Files.isDirectory(Path.of(vmDirSetting))) {
            throw new VmException("$vm_dir has not been configured or is not a valid directory");
        }
        Path vmDir = Path.of(vmDirSetting);
        if (root) {
            prepareLayout(vmDir);
        }

        SystemConfig system = new SystemConfig(vmDir.resolve(".config/system.conf"), paths.systemConfigLock());
        Datastores datastores = new Datastores(vmDir, zfsDataset, system, mounts);
        return new VmContext(env, rc, vmDir, zfsDataset, system, datastores, runner, host, paths, clock, random,
                workingDir, ui);
    }

    /**
     * The context without any check or change to the host: for shell completion, which must
     * never load modules or create directories. Empty when {@code $vm_dir} is not usable.
     */
    public java.util.Optional<VmContext> readOnly(HostPaths paths, Clock clock, RandomGenerator random, Path workingDir) {
        RcConf rc = RcConf.load(env);
        String vmDirSetting = rc.get("vm_dir").orElse("");
        String zfsDataset = null;
        MountTable mounts = new MountTable(runner);
        if (vmDirSetting.startsWith("zfs:")) {
            zfsDataset = vmDirSetting.substring("zfs:".length());
            vmDirSetting = mounts.mountPoint(zfsDataset).orElse("");
        }
        if (vmDirSetting.isEmpty() || !Files.isDirectory(Path.of(vmDirSetting))) {
            return java.util.Optional.empty();
        }
        Path vmDir = Path.of(vmDirSetting);
        SystemConfig system = new SystemConfig(vmDir.resolve(".config/system.conf"), paths.systemConfigLock());
        return java.util.Optional.of(new VmContext(env, rc, vmDir, zfsDataset, system,
                new Datastores(vmDir, zfsDataset, system, mounts), runner, host, paths, clock, random, workingDir, ui));
    }

    private void checkEnabled(RcConf rc) {
        String force = env.get("rc_force");
        if (force != null && !force.isEmpty()) {
            return;
        }
        YesNo.Strict enabled = YesNo.checkyesno(rc.get("vm_enable").orElse(null));
        if (enabled == YesNo.Strict.INVALID) {
            ui.warn("$vm_enable is not set properly - see rc.conf(5).");
        }
        if (enabled != YesNo.Strict.YES) {
            throw new VmException("$vm_enable is not enabled in /etc/rc.conf!");
        }
    }

    private void checkBhyveSupport(RcConf rc) {
        if (YesNo.isTrue(rc.get("vm_disable_host_checks").orElse(""))) {
            return;
        }
        switch (loadVmm()) {
            case 1 -> throw new VmException("unable to load vmm.ko!");
            case 2 -> throw new VmException("virtualization is not supported or is disabled");
            default -> {
            }
        }
        if (host.cpuModel().contains("Intel")
                && !runner.run("sysctl", "-n", "hw.vmm.vmx.initialized").firstLine().equals("1")) {
            throw new VmException("kernel vmm not initialised (no VT-x / AMD SVM cpu support?)");
        }
    }

    /** 0 when vmm is ready, 2 when it is loaded but not usable, 1 when it cannot be loaded. */
    private int loadVmm() {
        if (runner.run("kldstat", "-qm", "vmm").ok()) {
            return 0;
        }
        if (runner.run("kldstat", "-qn", "vmm").ok()) {
            return 2;
        }
        if (runner.runShowingErrors("kldload", "-q", "vmm").ok()) {
            return runner.run("kldstat", "-qm", "vmm").ok() ? 0 : 2;
        }
        return 1;
    }

    /** The directories and files upstream creates on every run; failures are ignored as there. */
    private static void prepareLayout(Path vmDir) {
        try {
            FileMode.PUBLIC_DIR.createDirectories(vmDir.resolve(".config"));
            Path nullIso = vmDir.resolve(".config/null.iso");
            if (!Files.exists(nullIso)) {
                FileMode.PUBLIC_FILE.apply(Files.createFile(nullIso));
            }
            for (String dir : new String[] {".templates", ".iso", ".img"}) {
                FileMode.PUBLIC_DIR.createDirectories(vmDir.resolve(dir));
            }
            Path system = vmDir.resolve(".config/system.conf");
            if (!Files.exists(system)) {
                // 1.3 split the settings out of these two files; carry them over once
                StringBuilder legacy = new StringBuilder();
                for (String old : new String[] {"switch", "datastore"}) {
                    Path file = vmDir.resolve(".config/" + old);
                    if (Files.isReadable(file)) {
                        legacy.append(Files.readString(file));
                    }
                }
                FileMode.PUBLIC_FILE.write(system, legacy);
            }
        } catch (IOException e) {
            // upstream ignores these errors; the command itself reports what it cannot do
        }
    }
}
