package org.vmbhyve.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.network.Switches;
import org.vmbhyve.run.GuestDevice;
import org.vmbhyve.run.GuestDevices;
import org.vmbhyve.run.HostCapacity;
import org.vmbhyve.run.PciLayout;

/**
 * {@code vm check}: reads a guest's config against the guest key table and the host, and says
 * what cannot work (errors) or may not do what was meant (warnings). Reads only: no file is
 * written and no host tool changes anything.
 */
public final class GuestChecker {

    private static final Pattern NUMBERED = Pattern.compile("^([a-z_]*?)(0|[1-9][0-9]*)(_[a-z_]+)?$");
    /** Past this many functions a slot has none left. */
    private static final int FUNCTIONS = 8;

    private final VmContext vm;
    private final List<String> switches;
    private final HostCapacity capacity;

    public GuestChecker(VmContext vm) {
        this.vm = vm;
        this.switches = new Switches(vm.system(), vm.runner()).names();
        this.capacity = new HostCapacity(vm.runner());
    }

    public GuestReport check(Guest guest) {
        ConfigValues config = guest.config();
        List<Finding> findings = new ArrayList<>();
        keysAndValues(config, findings);
        required(config, findings);
        capacity(config, findings);
        unreadNumbers(config, findings);
        disks(guest, config, findings);
        networks(config, findings);
        PciLayout.missingFirmware(guest, config, vm.paths())
                .ifPresent(message -> findings.add(Finding.error(GuestKey.LOADER.key(), message)));
        slots(guest, config, findings);
        SecretExposure.check(guest, config, findings);
        for (GuestDevice.Problem problem : new GuestDevices(new GuestDevice.Context(vm, guest, config)).problems()) {
            findings.add(new Finding(problem.error() ? "error" : "warning", problem.key(), problem.message()));
        }
        return new GuestReport(guest.name(), findings);
    }

    private static void keysAndValues(ConfigValues config, List<Finding> findings) {
        for (String key : config.keys()) {
            Optional<GuestKey> known = GuestKey.of(key);
            if (known.isEmpty()) {
                findings.add(Finding.error(key, "unknown setting, ignored"
                        + KeyNames.nearest(key).map(k -> "; did you mean " + k + "?").orElse("")));
                continue;
            }
            known.get().preferred().ifPresent(name -> findings.add(Finding.warning(key,
                    "read here, but vm-bhyve reads only " + name + "; use " + name + " for a config both understand")));
            ValueRules.problem(known.get().kind(), config.value(key))
                    .ifPresent(problem -> findings.add(Finding.error(key, problem)));
        }
    }

    /** What {@code vm start} refuses to run without. */
    private void required(ConfigValues config, List<Finding> findings) {
        for (GuestKey key : List.of(GuestKey.LOADER, GuestKey.CPU, GuestKey.MEMORY)) {
            if (config.value(key).isEmpty()) {
                findings.add(Finding.error(key.key(), "not set; the guest cannot start without it"));
            }
        }
        String loader = config.value(GuestKey.LOADER);
        if ((loader.equals("bhyveload") || loader.equals("grub")) && config.value(GuestKey.DISK_NAME.at(0)).isEmpty()) {
            findings.add(Finding.error(GuestKey.LOADER.key(), loader + " needs a boot disk (disk0_name)"));
        }
        if (loader.equals("grub") && !vm.runner().available("grub-bhyve")) {
            findings.add(Finding.error(GuestKey.LOADER.key(),
                    "grub needs grub-bhyve (sysutils/grub2-bhyve), which is not installed"));
        }
    }

    /** What this host's vmm cannot give the guest ({@code vm start} refuses) or has too little of. */
    private void capacity(ConfigValues config, List<Finding> findings) {
        capacity.vcpuProblem(config).ifPresent(problem ->
                findings.add(Finding.error(GuestKey.CPU.key(), problem + "; vm start refuses it")));
        capacity.memoryProblem(config).ifPresent(problem ->
                findings.add(Finding.warning(GuestKey.MEMORY.key(), problem)));
    }

    /**
     * Numbered settings past the first gap are never read: disks and interfaces are read from 0
     * until one is missing.
     */
    private static void unreadNumbers(ConfigValues config, List<Finding> findings) {
        Map<GuestKey, Integer> ends = new HashMap<>();
        for (String key : config.keys()) {
            Optional<GuestKey> known = GuestKey.of(key);
            Matcher m = NUMBERED.matcher(key);
            if (known.isEmpty() || !known.get().numbered() || !m.matches()) {
                continue;
            }
            GuestKey head = head(known.get());
            int end = ends.computeIfAbsent(head, h -> end(config, h));
            if (Integer.parseInt(m.group(2)) >= end) {
                findings.add(Finding.warning(key, "never read: " + head.at(end) + " is not set, and numbering stops there"));
            }
        }
    }

    /** The setting whose absence ends a numbered family. */
    private static GuestKey head(GuestKey key) {
        return switch (key) {
            case DISK_NAME, DISK_TYPE, DISK_DEV, DISK_OPTS, DISK_SIZE -> GuestKey.DISK_NAME;
            case NETWORK_TYPE, NETWORK_SWITCH, NETWORK_DEVICE, NETWORK_MAC, NETWORK_NAME, NETWORK_SPAN ->
                    GuestKey.NETWORK_TYPE;
            case PASSTHRU, PASSTHRU_OPTIONS -> GuestKey.PASSTHRU;
            default -> key;
        };
    }

    private static int end(ConfigValues config, GuestKey head) {
        int n = 0;
        while (!config.value(head.at(n)).isEmpty()
                && (head != GuestKey.DISK_NAME || !config.value(GuestKey.DISK_TYPE.at(n)).isEmpty())) {
            n++;
        }
        return n;
    }

    private void disks(Guest guest, ConfigValues config, List<Finding> findings) {
        for (int n = 0; n < end(config, GuestKey.DISK_NAME); n++) {
            String name = config.value(GuestKey.DISK_NAME.at(n));
            String dev = config.get(GuestKey.DISK_DEV.at(n), "file");
            String path = guest.diskPath(name, dev);
            String key = GuestKey.DISK_NAME.at(n);
            switch (dev) {
                case "zvol", "sparse-zvol" -> {
                    String volume = path.substring("/dev/zvol/".length());
                    if (guest.datastore().dataset() == null) {
                        findings.add(Finding.error(GuestKey.DISK_DEV.at(n), dev + " needs a ZFS datastore"));
                    } else if (!vm.runner().run("zfs", "list", "-H", "-o", "name", volume).ok()) {
                        findings.add(Finding.error(key, "ZFS volume " + volume + " does not exist"));
                    }
                }
                case "custom" -> {
                    if (!Files.exists(vm.paths().get(path))) {
                        findings.add(Finding.error(key, "device " + path + " does not exist"));
                    }
                }
                case "file" -> {
                    if (!Files.exists(Path.of(path))) {
                        String what = config.value(GuestKey.DISK_TYPE.at(n)).equals("ahci-cd") ? "ISO" : "disk image";
                        findings.add(Finding.error(key, what + " " + path + " does not exist"));
                    }
                }
                default -> {
                    // 9p shares a host directory given as name=path; bhyve checks it
                }
            }
        }
    }

    private void networks(ConfigValues config, List<Finding> findings) {
        for (int n = 0; n < end(config, GuestKey.NETWORK_TYPE); n++) {
            String name = config.value(GuestKey.NETWORK_SWITCH.at(n));
            if (!config.value(GuestKey.NETWORK_DEVICE.at(n)).isEmpty()) {
                continue;
            }
            if (name.isEmpty()) {
                findings.add(Finding.error(GuestKey.NETWORK_SWITCH.at(n),
                        "not set (nor network" + n + "_device); the interface would have no network"));
            } else if (!switches.contains(name)) {
                findings.add(Finding.error(GuestKey.NETWORK_SWITCH.at(n), "switch " + name + " does not exist"));
            }
        }
    }

    /** Clashes and impossible positions in the layout the real builder makes. */
    private static void slots(Guest guest, ConfigValues config, List<Finding> findings) {
        PciLayout layout;
        try {
            layout = PciLayout.of(guest, config);
        } catch (RuntimeException e) {
            // a value the builder cannot read at all was reported above
            return;
        }
        Map<String, PciLayout.Device> taken = new HashMap<>();
        boolean pastBusZero = false;
        for (PciLayout.Device device : layout.devices()) {
            if (device.slot() == null || device.slot() > 31 || device.function() >= FUNCTIONS) {
                findings.add(Finding.error(null, "PCI position of " + device.emulation() + " is impossible: -s "
                        + device.argument()));
                continue;
            }
            pastBusZero |= device.bus() > 0;
            PciLayout.Device before = taken.putIfAbsent(device.position(), device);
            if (before != null) {
                findings.add(Finding.error(null, "PCI slot " + device.position() + " is used by both "
                        + before.emulation() + " and " + device.emulation()));
            }
        }
        if (pastBusZero) {
            findings.add(Finding.warning(null, "more devices than PCI slots on bus 0; the rest go on bus 1 and"
                    + " later, which not every guest finds"));
        }
        PciLayout.Device medium = layout.installMedium();
        PciLayout.Device clash = taken.get(medium.position());
        if (clash != null) {
            findings.add(Finding.error(GuestKey.INSTALL_SLOT.key(), "PCI slot " + medium.position() + " is used by "
                    + clash.emulation() + "; vm install would fail"));
        }
    }
}
