package org.vmbhyve.info;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.config.GuestKey;
import org.vmbhyve.config.Size;
import org.vmbhyve.config.TextFile;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestState;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RunningGuests;
import org.vmbhyve.host.BhyvectlStats;
import org.vmbhyve.host.ProcessResult;
import org.vmbhyve.host.ZfsOutput;
import org.vmbhyve.run.GuestDevice;
import org.vmbhyve.run.GuestDevices;

/** Gathers {@link GuestDetails} for {@code vm info}. */
public final class GuestInspector {

    private final VmContext vm;
    private final Guests guests;
    private final RunningGuests running;
    private final ActiveNics activeNics;
    private final GuestAddresses addresses;

    /**
     * Reads the process table once for all the guests this command shows.
     *
     * @param bridgeList what {@code ifconfig -g vm-switch} printed
     */
    public GuestInspector(VmContext vm, Guests guests, String bridgeList) {
        this.vm = vm;
        this.guests = guests;
        this.running = RunningGuests.scan(vm.runner());
        this.activeNics = new ActiveNics(vm.runner(), bridgeList);
        this.addresses = new GuestAddresses(vm.runner(), vm.system());
    }

    public GuestDetails inspect(Guest guest) {
        ConfigValues c = guest.config();
        boolean hasVmm = Files.exists(vm.paths().vmmDevice(guest.name()));
        GuestState state = guests.state(guest, running);
        // vm info shows the plain run state; a stale lock does not make a guest "locked" here
        String stateText = (state.kind() == GuestState.Kind.LOCKED
                ? (guest.hasSavedState() ? "Suspended" : "Stopped") : state.text()).toLowerCase(Locale.ROOT);

        String topology = null;
        if (!c.value(GuestKey.CPU_SOCKETS).isEmpty()) {
            topology = "sockets=" + c.value(GuestKey.CPU_SOCKETS)
                    + (c.value(GuestKey.CPU_CORES).isEmpty() ? "" : ", cores=" + c.value(GuestKey.CPU_CORES))
                    + (c.value(GuestKey.CPU_THREADS).isEmpty() ? "" : ", threads=" + c.value(GuestKey.CPU_THREADS));
        }
        Long resident = null;
        List<GuestDetails.Port> ports = null;
        List<String> vtcons = List.of();
        if (hasVmm) {
            resident = residentMemory(guest.name());
            Path console = guest.dir().resolve("console");
            if (Files.exists(console)) {
                ports = consolePorts(console);
                vtcons = virtioConsoles(guest);
            }
        }
        return new GuestDetails(guest.name(), stateText, guest.datastore().name(),
                c.get(GuestKey.LOADER, "none"), c.get(GuestKey.UUID, "auto"), c.get(GuestKey.CPU).orElse(null), topology, c.get(GuestKey.MEMORY).orElse(null),
                Size.memory(c.value(GuestKey.MEMORY)).orElse(null),
                resident, ports, vtcons, nics(guest.name(), c, hasVmm), disks(guest), snapshots(guest), cloneOrigin(guest),
                new GuestDevices(new GuestDevice.Context(vm, guest, c)).details());
    }

    /** The configured interfaces; with {@code /dev/vmm/NAME} present, what each is on the host too. */
    private List<GuestDetails.Nic> nics(String name, ConfigValues c, boolean hasVmm) {
        List<GuestDetails.Nic> nics = new ArrayList<>();
        for (int n = 0; !c.value(GuestKey.NETWORK_TYPE.at(n)).isEmpty(); n++) {
            nics.add(new GuestDetails.Nic(n, c.value(GuestKey.NETWORK_TYPE.at(n)), c.get(GuestKey.NETWORK_SWITCH.at(n)).orElse(null),
                    c.get(GuestKey.NETWORK_MAC.at(n)).orElse(null), c.get(GuestKey.NETWORK_DEVICE.at(n)).orElse(null),
                    hasVmm ? activeNics.find(name, n, c.value(GuestKey.NETWORK_MAC.at(n)), c.value(GuestKey.NETWORK_SWITCH.at(n)),
                            addresses) : null));
        }
        return nics;
    }

    private List<GuestDetails.Disk> disks(Guest guest) {
        ConfigValues c = guest.config();
        List<GuestDetails.Disk> disks = new ArrayList<>();
        for (int n = 0; ; n++) {
            String name = c.value(GuestKey.DISK_NAME.at(n));
            String type = c.value(GuestKey.DISK_TYPE.at(n));
            if (name.isEmpty() || type.isEmpty()) {
                break;
            }
            String device = c.get(GuestKey.DISK_DEV.at(n), "file");
            String path = guest.diskPath(name, device);
            Long size = null;
            Long used = null;
            switch (device) {
                case "file" -> {
                    try {
                        size = Files.size(Path.of(path));
                        used = usedBytes(path);
                    } catch (IOException e) {
                        size = null;
                    }
                }
                case "zvol", "sparse-zvol" -> {
                    String volume = path.substring("/dev/zvol/".length());
                    size = zfsNumber(volume, "volsize");
                    used = zfsNumber(volume, "refer");
                }
                default -> {
                    // custom devices: the size is not ours to read
                }
            }
            disks.add(new GuestDetails.Disk(n, device, c.value(GuestKey.DISK_TYPE.at(n)), c.get(GuestKey.DISK_OPTS.at(n)).orElse(null),
                    path, size, used));
        }
        return disks;
    }

    /** Allocated bytes, from {@code du -k} as upstream's du-times-1024. */
    private Long usedBytes(String path) {
        ProcessResult du = vm.runner().runShowingErrors("du", "-k", path);
        String line = du.firstLine();
        List<String> words = Chars.words(line);
        // the first field, as none when the line starts with a blank
        if (words.isEmpty() || !line.startsWith(words.get(0))) {
            return null;
        }
        try {
            return Long.parseLong(words.get(0)) * 1024;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code info::guest_zfs}: the guest's snapshots, oldest first, as zfs lists them. */
    private List<GuestDetails.Snapshot> snapshots(Guest guest) {
        if (guest.dataset() == null) {
            return List.of();
        }
        List<GuestDetails.Snapshot> snapshots = new ArrayList<>();
        for (String line : vm.runner().runShowingErrors("zfs", "list", "-o", "name,used,creation", "-s", "creation", "-rHt",
                "snapshot", guest.dataset()).lines()) {
            if (!line.isEmpty()) {
                snapshots.add(GuestDetails.Snapshot.parse(line));
            }
        }
        return snapshots;
    }

    private String cloneOrigin(Guest guest) {
        if (guest.dataset() == null) {
            return null;
        }
        return ZfsOutput.value(vm.runner().runShowingErrors("zfs", "get", "-Ho", "value", "origin", guest.dataset()).lines());
    }

    private Long zfsNumber(String volume, String property) {
        return ZfsOutput.exactValue(vm.runner().runShowingErrors("zfs", "get", "-Hp", property, volume).lines());
    }

    private Long residentMemory(String name) {
        return BhyvectlStats.counter(vm.runner().runShowingErrors("bhyvectl", "--get-stats", "--vm=" + name).lines(),
                "Resident memory");
    }

    private static List<GuestDetails.Port> consolePorts(Path console) {
        List<GuestDetails.Port> ports = new ArrayList<>();
        try {
            for (String line : TextFile.lines(console)) {
                int first = line.indexOf('=');
                int last = line.lastIndexOf('=');
                ports.add(new GuestDetails.Port(first < 0 ? line : line.substring(0, first), line.substring(last + 1)));
            }
        } catch (IOException e) {
            // listed as having a console file a moment ago; show what we have
        }
        return ports;
    }

    private static List<String> virtioConsoles(Guest guest) {
        ConfigValues c = guest.config();
        List<String> consoles = new ArrayList<>();
        for (int n = 0; n < 16 && !c.value(GuestKey.VIRT_CONSOLE.at(n)).isEmpty(); n++) {
            String value = c.value(GuestKey.VIRT_CONSOLE.at(n));
            String port = switch (value.toLowerCase(Locale.ROOT)) {
                case "yes", "on", "1" -> String.valueOf(n);
                default -> value;
            };
            consoles.add(guest.dir() + "/vtcon." + port);
        }
        return consoles;
    }
}
