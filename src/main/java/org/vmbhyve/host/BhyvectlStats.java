package org.vmbhyve.host;

import java.util.List;

/**
 * Reads {@code bhyvectl --get-stats --vm=NAME}: a {@code vcpuN stats:} line, then one counter a
 * line, its description padded to 40 columns, a TAB and the value ({@code "%-40s\t%ld"},
 * usr.sbin/bhyvectl/bhyvectl.c). The memory counters are bytes (sys/amd64/vmm/vmm.c).
 */
public final class BhyvectlStats {

    private BhyvectlStats() {
    }

    /** The value of the first counter with that description; null when there is none. */
    public static Long counter(List<String> lines, String description) {
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab > 0 && line.substring(0, tab).strip().equals(description)) {
                try {
                    return Long.parseLong(line.substring(tab + 1).strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
