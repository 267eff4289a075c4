package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * {@code fstat FILE}: the processes that hold a file open. The layout is FreeBSD's
 * usr.bin/fstat/fstat.c ({@code print_file_info}, {@code print_vnode_info}): a header line,
 * then per open file {@code "%-8.8s %-10s %5d"} user, command and pid, the descriptor, the
 * mount point, inode, mode, device name, access ({@code r}, {@code w}) and, as a file was
 * named, that name. Only the command may hold blanks, so fields are counted from the end.
 */
public final class Fstat {

    /** A process holding the file. */
    public record Holder(String user, String command, long pid) {
    }

    /** USER CMD PID FD MOUNT INUM MODE SZ|DV R/W NAME: the pid is the eighth field from the end. */
    private static final int FIELDS_FROM_PID = 8;

    private final ProcessRunner runner;

    public Fstat(ProcessRunner runner) {
        this.runner = runner;
    }

    /** Who holds the file; empty when nobody does or fstat cannot tell (missing, failed). */
    public List<Holder> holders(String file) {
        ProcessResult result = runner.run("fstat", file);
        return result.ok() ? parse(result.stdout()) : List.of();
    }

    /** The holders in fstat's output, each process once, in its order. */
    public static List<Holder> parse(String listing) {
        List<Holder> holders = new ArrayList<>();
        for (String line : listing.split("\n")) {
            List<String> words = Chars.words(line);
            if (words.size() < FIELDS_FROM_PID + 2 || words.get(0).equals("USER")) {
                continue;
            }
            String pid = words.get(words.size() - FIELDS_FROM_PID);
            if (!Chars.isDigits(pid)) {
                continue;
            }
            String command = String.join(" ", words.subList(1, words.size() - FIELDS_FROM_PID));
            Holder holder = new Holder(words.get(0), command, Long.parseLong(pid));
            if (!holders.contains(holder)) {
                holders.add(holder);
            }
        }
        return holders;
    }
}
