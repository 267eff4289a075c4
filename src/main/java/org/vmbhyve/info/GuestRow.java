package org.vmbhyve.info;

import java.util.List;

/**
 * One guest as {@code vm list} shows it. Absent values hold upstream's {@code -}; the verbose
 * fields are {@code -} unless {@code -v} asked for them and the guest runs.
 */
public record GuestRow(
        String name,
        String datastore,
        String loader,
        String cpu,
        String memory,
        String vnc,
        String auto,
        String pcpu,
        String rsz,
        String uptime,
        String state,
        List<String> tags) {

    /** The TAGS column: comma-joined, or {@code -}. */
    public String tagsColumn() {
        return tags.isEmpty() ? "-" : String.join(",", tags);
    }
}
