package org.vmbhyve.run;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;
import org.vmbhyve.host.ProcessRunner;

/**
 * {@code vm passthru}: the host's PCI devices from {@code pciconf}, with the bus/slot/function
 * that {@code passthruN} settings take and whether ppt(4) has claimed the device.
 */
public final class PciDevices {


    private PciDevices() {
    }

    /**
     * A host PCI device; the components are the {@code --json} fields.
     *
     * @param bhyveId bus/slot/function as {@code passthruN} takes it
     * @param ready true when ppt(4) has claimed the device
     * @param description the device's name from pciconf, null when it has none
     */
    public record PciDevice(String device, String bhyveId, boolean ready, String description) {
    }

    public static List<PciDevice> list(ProcessRunner runner) {
        return devices(runner.runShowingErrors("pciconf", "-l").lines(), runner.runShowingErrors("pciconf", "-lv").lines());
    }

    /**
     * @param brief {@code pciconf -l}: {@code NAME@pciD:B:S:F:}, a TAB (spaces in some pastes),
     *     then the header words, old ({@code card= chip=}) or new ({@code vendor= device= ...})
     * @param verbose {@code pciconf -lv}: each device line followed by its vendor, device, class
     *     and subclass lines, 4-space indented, any of them missing when the database lacks it
     */
    static List<PciDevice> devices(List<String> brief, List<String> verbose) {
        List<PciDevice> devices = new ArrayList<>();
        for (String line : brief) {
            int at = line.indexOf('@');
            int end = at;
            while (end >= 0 && end < line.length() && !Chars.isSpace(line.charAt(end))) {
                end++;
            }
            // pciD:B:S:F: -> B/S/F, the fields upstream's awk -F'[@:]' takes as $3/$4/$5
            String[] selector = at > 0 ? line.substring(at + 1, end).split(":", -1) : new String[0];
            if (selector.length < 4 || !selector[0].startsWith("pci")) {
                continue;
            }
            String device = line.substring(0, at);
            devices.add(new PciDevice(device, selector[1] + "/" + selector[2] + "/" + selector[3], device.startsWith("ppt"),
                    description(device, verbose)));
        }
        return devices;
    }

    /** The table, as upstream prints it. */
    public static String render(List<PciDevice> devices) {
        StringBuilder out = new StringBuilder(row("DEVICE", "BHYVE ID", "READY", "DESCRIPTION"));
        for (PciDevice d : devices) {
            out.append(row(d.device(), d.bhyveId(), d.ready() ? "Yes" : "No",
                    d.description() == null ? "-" : d.description()));
        }
        return out.toString();
    }

    /** {@code printf "%-10s %-12s %-12s %s\n"}. */
    private static String row(String device, String bhyveId, String ready, String description) {
        return Chars.padded(device, 10) + " " + Chars.padded(bhyveId, 12) + " " + Chars.padded(ready, 12) + " "
                + description + "\n";
    }

    /** The quoted text of the {@code device = '...'} line two lines below the device's entry. */
    private static String description(String device, List<String> verbose) {
        for (int i = 0; i < verbose.size(); i++) {
            if (verbose.get(i).startsWith(device + "@")) {
                List<String> following = new ArrayList<>(verbose.subList(i + 1, Math.min(i + 3, verbose.size())));
                if (following.size() == 2 && following.get(1).contains("device")) {
                    String[] quoted = following.get(1).split("'", -1);
                    return quoted.length > 1 && !quoted[1].isEmpty() ? quoted[1] : null;
                }
                return null;
            }
        }
        return null;
    }
}
