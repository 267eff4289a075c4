package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.ShellWords;
import org.vmbhyve.error.VmException;

/**
 * The loader command of a non-UEFI guest, as upstream's {@code guest::load} builds it: bhyveload
 * with the guest's memory, uuid and boot disk, or grub-bhyve with a generated {@code device.map}
 * and, when the config has grub commands, a generated {@code grub.cfg}. Pure.
 */
final class LoaderBuilder {

    /** The status {@code _run} ends with when the guest cannot be loaded. */
    static final int FATAL = 15;

    private final MachineSpec spec;
    private final ConfigValues config;
    private final MachinePlan plan;

    LoaderBuilder(MachineSpec spec, MachinePlan plan) {
        this.spec = spec;
        this.config = spec.config();
        this.plan = plan;
    }

    /**
     * @param bootDisk the host path of disk0, empty when the guest has none
     * @param grubCommand the grub-bhyve executable as found on PATH
     * @param iso the install medium of this run, or null
     * @throws LoaderFailure with upstream's log message when the guest cannot be loaded
     */
    LoaderPlan build(String bootDisk, String grubCommand, String iso) {
        if (bootDisk.isEmpty()) {
            throw new LoaderFailure("fatal; non-uefi loaders require a boot disk device");
        }
        List<String> args = new ArrayList<>();
        if (!spec.foreground() && plan.loaderConsole() != null) {
            args.addAll(List.of("-c", plan.loaderConsole()));
        }
        if (plan.wiredMemory()) {
            args.add("-S");
        }
        String timeout = config.get(GuestKey.LOADER_TIMEOUT, "3");
        String loader = config.value(GuestKey.LOADER);
        return switch (loader) {
            case "bhyveload" -> bhyveload(args, timeout, bootDisk, iso);
            case "grub" -> grub(args, timeout, bootDisk, grubCommand, iso);
            default -> throw new LoaderFailure("unsupported loader - '" + loader + "'");
        };
    }

    private LoaderPlan bhyveload(List<String> args, String timeout, String bootDisk, String iso) {
        List<String> argv = new ArrayList<>(List.of("bhyveload"));
        argv.addAll(args);
        argv.addAll(List.of("-m", config.value(GuestKey.MEMORY), "-e", "smbios.system.uuid=" + config.value(GuestKey.UUID),
                "-e", "autoboot_delay=" + timeout, "-e", "bhyve_vm_name=" + spec.name()));
        argv.addAll(ShellWords.split(config.value(GuestKey.BHYVELOAD_ARGS)));
        String userboot = config.value(GuestKey.BHYVELOAD_LOADER);
        if (!userboot.isEmpty()) {
            argv.addAll(List.of("-l", userboot));
        }
        if (iso != null && !iso.isEmpty()) {
            argv.addAll(List.of("-d", iso));
        } else if (config.value(GuestKey.DISK_DEV.at(0)).equals("9p")) {
            String[] share = bootDisk.split("=", -1);
            if (share.length < 2 || share[0].isEmpty() || share[1].isEmpty()) {
                throw new LoaderFailure("fatal; virtio-9p boot disk requires format devname=/path/to/root");
            }
            argv.addAll(List.of("-h", share[1], "-e", "vfs.root.mountfrom=p9fs:" + share[0]));
        } else {
            argv.addAll(List.of("-d", bootDisk));
        }
        argv.add(spec.name());
        return new LoaderPlan(argv, List.of());
    }

    private LoaderPlan grub(List<String> args, String timeout, String bootDisk, String grubCommand, String iso) {
        if (grubCommand == null) {
            throw new LoaderFailure("fatal; grub requested but sysutils/grub2-bhyve not installed?");
        }
        List<String> argv = new ArrayList<>(List.of(grubCommand));
        argv.addAll(args);
        argv.addAll(List.of("-m", spec.guestDir() + "/device.map", "-M", config.value(GuestKey.MEMORY)));
        List<String> deviceMap = new ArrayList<>();
        List<LoaderPlan.GuestFile> files = new ArrayList<>();
        boolean install = iso != null && !iso.isEmpty();
        String root;
        if (install) {
            root = "cd0";
            deviceMap.add("(cd0) " + iso);
        } else {
            // upstream's grub_run_no_partition test is broken and never applies; the partition always does
            String partition = config.value(GuestKey.GRUB_RUN_PARTITION);
            root = partition.isEmpty() ? "hd0,1" : "hd0," + partition;
        }
        deviceMap.add("(hd0) " + bootDisk);
        for (int n = 1; !config.value(GuestKey.DISK_NAME.at(n)).isEmpty(); n++) {
            deviceMap.add("(hd" + n + ") " + spec.disks().diskPath(config.value(GuestKey.DISK_NAME.at(n)),
                    config.value(GuestKey.DISK_DEV.at(n))));
        }
        files.add(new LoaderPlan.GuestFile("device.map", deviceMap));
        List<String> grubCfg = grubConfig(install ? "install" : "run", timeout, root);
        if (grubCfg != null) {
            files.add(new LoaderPlan.GuestFile("grub.cfg", grubCfg));
            argv.addAll(List.of("-r", "host", "-d", spec.guestDir()));
        } else {
            argv.addAll(List.of("-r", root));
            if (!install) {
                String dir = config.value(GuestKey.GRUB_RUN_DIR);
                if (!dir.isEmpty()) {
                    argv.addAll(List.of("-d", dir));
                }
                String file = config.value(GuestKey.GRUB_RUN_FILE);
                if (!file.isEmpty()) {
                    argv.addAll(List.of("-g", file));
                }
            }
        }
        argv.add(spec.name());
        return new LoaderPlan(argv, files);
    }

    /** The menu made from {@code grub_install*}/{@code grub_run*} lines; null when there are none. */
    private List<String> grubConfig(String type, String timeout, String root) {
        GuestKey commands = type.equals("install") ? GuestKey.GRUB_INSTALL : GuestKey.GRUB_RUN;
        if (config.value(commands.at(0)).isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>(List.of("timeout=" + timeout,
                "menuentry '" + spec.name() + " (bhyve " + type + ")' {", "    root=" + root));
        for (int n = 0; ; n++) {
            String command = config.value(commands.at(n));
            if (command.isEmpty()) {
                break;
            }
            if (!command.equals("boot")) {
                lines.add("    " + command);
            }
        }
        lines.add("}");
        return lines;
    }

    /** The guest cannot be loaded; the message goes to the guest log. */
    static final class LoaderFailure extends VmException {
        LoaderFailure(String message) {
            super(message, FATAL);
        }
    }
}
