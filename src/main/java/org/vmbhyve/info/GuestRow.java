package org.vmbhyve.info;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.vmbhyve.core.BytesHuman;
import org.vmbhyve.guest.GuestState;

/**
 * One guest as {@code vm list} shows it; the components are its {@code --json} fields.
 * Configured values ({@code cpu}, {@code memory}) are as written in the guest's config;
 * measured ones are numbers. Null stands for upstream's {@code -}; the verbose fields are null
 * unless {@code -v} asked for them and the guest runs.
 *
 * @param state the run state as a word: running, bootloader, suspended, stopped or locked
 * @param autostartOrder the guest's position in {@code vm_list} (from 1), null when not listed
 * @param uptime the elapsed time as ps prints it ({@code [[dd-]hh:]mm:ss})
 * @param addresses a running guest's addresses, all its NICs' (as {@code vm info} shows them);
 *     null for a stopped guest, and when not asked for (the table)
 */
public record GuestRow(
        String name,
        String datastore,
        String loader,
        String cpu,
        String memory,
        Long memoryBytes,
        String vnc,
        boolean autostart,
        Integer autostartOrder,
        String state,
        Long pid,
        String lockHost,
        BigDecimal cpuPercent,
        Long residentBytes,
        String uptime,
        Long uptimeSeconds,
        List<String> tags,
        List<String> addresses) {

    /** The STATE column: {@code Running (pid)}, {@code Stopped}, ... */
    String stateColumn() {
        return new GuestState(GuestState.Kind.valueOf(state.toUpperCase(Locale.ROOT)), pid, lockHost).text();
    }

    /** The AUTO column: {@code Yes [n]} or {@code No}. */
    String autoColumn() {
        return autostartOrder == null ? "No" : "Yes [" + autostartOrder + "]";
    }

    String pcpuColumn() {
        return cpuPercent == null ? "-" : cpuPercent.toPlainString();
    }

    /** Resident memory as upstream prints ps's KiB figure. */
    String rszColumn() {
        return residentBytes == null ? "-" : BytesHuman.format(BigDecimal.valueOf(residentBytes / 1024), 1, 1);
    }

    String uptimeColumn() {
        if (uptime == null) {
            return "-";
        }
        // upstream's sed 's/\-/d /': DD-HH:MM:SS as DDd HH:MM:SS (no regex on the list path)
        int dash = uptime.indexOf('-');
        return dash < 0 ? uptime : uptime.substring(0, dash) + "d " + uptime.substring(dash + 1);
    }

    /** The TAGS column: comma-joined, or {@code -}. */
    String tagsColumn() {
        return tags.isEmpty() ? "-" : String.join(",", tags);
    }
}
