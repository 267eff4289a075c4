package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code pgrep -l -f}: {@code PID ARGS} per process, one blank between them and between
 * the words of ARGS (bin/pkill/pkill.c show_process()). A running guest's ARGS is its title
 * {@code bhyve: NAME}; for about two seconds after start it is still the whole bhyve argv,
 * which also ends with the name. Loaders ({@code bhyveload}, {@code grub-bhyve}) end with it too.
 */
public final class PgrepOutput {

    /** One process: its pid and what pgrep printed after it. */
    public record Entry(long pid, String args) {

        /** The last word of ARGS, as upstream's {@code awk '{print $NF}'}: the guest's name. */
        public String lastWord() {
            String trimmed = args.strip();
            int blank = trimmed.lastIndexOf(' ');
            return trimmed.substring(blank + 1);
        }

        /** Whether ARGS is bhyve's title ({@code bhyve: NAME}), not a loader's argv. */
        public boolean bhyveTitle() {
            return args.startsWith("bhyve: ");
        }
    }

    private PgrepOutput() {
    }

    /** The entries of a listing; lines that do not start with a pid are skipped. */
    public static List<Entry> entries(String stdout) {
        List<Entry> entries = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            int blank = line.indexOf(' ');
            if (blank <= 0 || blank == line.length() - 1) {
                continue;
            }
            try {
                entries.add(new Entry(Long.parseLong(line.substring(0, blank)), line.substring(blank + 1)));
            } catch (NumberFormatException e) {
                // not a process line
            }
        }
        return entries;
    }
}
