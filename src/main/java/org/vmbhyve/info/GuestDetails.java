package org.vmbhyve.info;

import java.util.List;
import java.util.Map;
import org.vmbhyve.core.BytesHuman;
import org.vmbhyve.core.TextBlock;
import org.vmbhyve.host.ZfsOutput;

/**
 * Everything {@code vm info} shows about one guest. Text fields hold what upstream prints,
 * including its {@code none} and {@code auto} placeholders; an unset setting is null, shown as
 * {@code -}, and the null blocks (topology, resident memory, console ports) are not shown.
 *
 * The components are the {@code --json} fields.
 *
 * @param memoryBytes the configured memory in bytes, null when it does not read as a size
 * @param snapshots ZFS guests: their snapshots, oldest first
 * @param cloneOrigin ZFS guests made by {@code vm clone}: the snapshot they came from
 * @param devices the guest's devices beyond upstream's (a TPM), each block by name; null when none
 */
public record GuestDetails(
        String name,
        String state,
        String datastore,
        String loader,
        String uuid,
        String cpu,
        String cpuTopology,
        String memory,
        Long memoryBytes,
        Long memoryResident,
        List<Port> consolePorts,
        List<String> virtioConsoles,
        List<Nic> networkInterfaces,
        List<Disk> virtualDisks,
        List<Snapshot> snapshots,
        String cloneOrigin,
        Map<String, Map<String, Object>> devices) implements TextBlock {

    public record Port(String name, String device) {
    }

    /** @param active what the interface is on the host while the guest runs, null when it does not */
    public record Nic(int number, String emulation, String virtualSwitch, String fixedMacAddress,
                      String fixedDevice, Active active) {
    }

    /**
     * A running guest's interface on the host; all null when no tap describes it (a vale or
     * netgraph port, or a tap that is gone).
     *
     * @param device the tap
     * @param desc the tap's description, {@code vmnet/GUEST/N/SWITCH}
     * @param bridge the vm switch bridge the tap is a member of
     * @param bytesIn traffic into the guest (what the tap sent)
     * @param bytesOut traffic out of the guest (what the tap received)
     * @param addresses what the host has seen for the NIC's MAC on that bridge (ARP, NDP, and the
     *     DHCP leases of a NAT switch), IPv4 first; empty when none
     */
    public record Active(String device, String desc, Integer mtu, String bridge, Long bytesIn, Long bytesOut,
                         List<String> addresses) {
    }

    /** @param bytesSize null when the disk's size could not be read */
    public record Disk(int number, String deviceType, String emulation, String options, String systemPath,
                       Long bytesSize, Long bytesUsed) {
    }

    /** A line of {@code zfs list -H -o name,used,creation}; used as zfs prints it (e.g. {@code 1.2M}). */
    public record Snapshot(String name, String used, String creation) {

        static Snapshot parse(String line) {
            List<String> fields = ZfsOutput.fields(line);
            return fields.size() == 3 ? new Snapshot(fields.get(0), fields.get(1), fields.get(2)) : new Snapshot(line, null, null);
        }

        String line() {
            return used == null ? name : name + "\t" + used + "\t" + creation;
        }
    }

    /** The text block, line for line as upstream prints it. */
    @Override
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("------------------------\n")
                .append("Virtual Machine: ").append(name).append('\n')
                .append("------------------------\n");
        line(out, "  ", "state", state);
        line(out, "  ", "datastore", datastore);
        line(out, "  ", "loader", loader);
        line(out, "  ", "uuid", uuid);
        line(out, "  ", "cpu", cpu);
        if (cpuTopology != null) {
            line(out, "  ", "cpu-topology", cpuTopology);
        }
        line(out, "  ", "memory", memory);
        if (memoryResident != null) {
            line(out, "  ", "memory-resident", memoryResident + " (" + BytesHuman.format(memoryResident) + ")");
        }
        if (consolePorts != null) {
            out.append("\n  console-ports\n");
            for (Port port : consolePorts) {
                line(out, "    ", port.name(), port.device());
            }
            if (!virtioConsoles.isEmpty()) {
                out.append('\n');
                for (int i = 0; i < virtioConsoles.size(); i++) {
                    line(out, "    ", "vtcon" + i, virtioConsoles.get(i));
                }
            }
        }
        for (Nic nic : networkInterfaces) {
            out.append("\n  network-interface\n");
            line(out, "    ", "number", String.valueOf(nic.number()));
            line(out, "    ", "emulation", nic.emulation());
            line(out, "    ", "virtual-switch", nic.virtualSwitch());
            line(out, "    ", "fixed-mac-address", nic.fixedMacAddress());
            line(out, "    ", "fixed-device", nic.fixedDevice());
            if (nic.active() != null) {
                active(out, nic.active());
            }
        }
        for (Disk disk : virtualDisks) {
            out.append("\n  virtual-disk\n");
            line(out, "    ", "number", String.valueOf(disk.number()));
            line(out, "    ", "device-type", disk.deviceType());
            line(out, "    ", "emulation", disk.emulation());
            line(out, "    ", "options", disk.options());
            line(out, "    ", "system-path", disk.systemPath());
            if (disk.bytesSize() != null && disk.bytesUsed() != null) {
                line(out, "    ", "bytes-size", disk.bytesSize() + " (" + BytesHuman.format(disk.bytesSize()) + ")");
                line(out, "    ", "bytes-used", disk.bytesUsed() + " (" + BytesHuman.format(disk.bytesUsed()) + ")");
            }
        }
        if (!snapshots.isEmpty()) {
            out.append("\n  snapshots\n");
            for (Snapshot snapshot : snapshots) {
                out.append("    ").append(snapshot.line()).append('\n');
            }
        }
        if (cloneOrigin != null) {
            out.append("\n  clone-origin\n    ").append(cloneOrigin).append('\n');
        }
        if (devices != null) {
            for (Map.Entry<String, Map<String, Object>> device : devices.entrySet()) {
                out.append("\n  ").append(device.getKey()).append('\n');
                for (Map.Entry<String, Object> field : device.getValue().entrySet()) {
                    line(out, "    ", hyphenated(field.getKey()), text(field.getValue()));
                }
            }
        }
        out.append('\n');
        return out.toString();
    }

    private static void active(StringBuilder out, Active active) {
        line(out, "    ", "active-device", active.device());
        line(out, "    ", "desc", active.desc());
        // upstream prints an mtu it did not find as nothing, not as -
        out.append("    mtu: ").append(active.mtu() == null ? "" : active.mtu().toString()).append('\n');
        line(out, "    ", "bridge", active.bridge());
        if (active.bytesIn() != null) {
            line(out, "    ", "bytes-in", active.bytesIn() + " (" + BytesHuman.format(active.bytesIn()) + ")");
            line(out, "    ", "bytes-out", active.bytesOut() + " (" + BytesHuman.format(active.bytesOut()) + ")");
        }
        // beyond upstream, so only when there is something to say: the block reads as upstream's otherwise
        if (!active.addresses().isEmpty()) {
            line(out, "    ", "addresses", String.join(" ", active.addresses()));
        }
    }

    /** A {@code --json} field name as the text shows it: {@code stateDirectory} is {@code state-directory}. */
    static String hyphenated(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                out.append('-').append((char) (c - 'A' + 'a'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String text(Object value) {
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return value == null ? null : value.toString();
    }

    private static void line(StringBuilder out, String indent, String title, String value) {
        out.append(indent).append(title).append(": ").append(value == null ? "-" : value).append('\n');
    }
}
