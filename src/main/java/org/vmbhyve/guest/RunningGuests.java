package org.vmbhyve.guest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.vmbhyve.host.PgrepOutput;
import org.vmbhyve.host.ProcessRunner;

/**
 * Which guests have a bhyve or loader process, from one process listing per command (upstream
 * runs two {@code pgrep}s). Guests are named by the last word of the process title, so guests
 * started by upstream vm-bhyve are seen too.
 */
public final class RunningGuests {

    /** A guest's process: bhyve itself, or a loader (bhyveload, grub-bhyve) before it. */
    public record Process(long pid, boolean loader) {
    }

    private final Map<String, Process> bhyve;
    private final Map<String, Process> loaders;

    private RunningGuests(Map<String, Process> bhyve, Map<String, Process> loaders) {
        this.bhyve = bhyve;
        this.loaders = loaders;
    }

    public static RunningGuests scan(ProcessRunner runner) {
        return parse(runner.runShowingErrors("pgrep", "-fl", "bhyve:|grub-bhyve|bhyveload").stdout());
    }

    /** Parses {@code pgrep -fl} lines: {@code <pid> <command line>}. The first entry wins. */
    public static RunningGuests parse(String listing) {
        Map<String, Process> bhyve = new HashMap<>();
        Map<String, Process> loaders = new HashMap<>();
        for (PgrepOutput.Entry entry : PgrepOutput.entries(listing)) {
            if (entry.bhyveTitle()) {
                bhyve.putIfAbsent(entry.lastWord(), new Process(entry.pid(), false));
            } else {
                loaders.putIfAbsent(entry.lastWord(), new Process(entry.pid(), true));
            }
        }
        return new RunningGuests(bhyve, loaders);
    }

    /** The guest's bhyve process, or else its loader process. */
    public Optional<Process> find(String guest) {
        Process p = bhyve.get(guest);
        return Optional.ofNullable(p != null ? p : loaders.get(guest));
    }
}
