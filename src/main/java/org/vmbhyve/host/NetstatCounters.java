package org.vmbhyve.host;

import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * The byte counters of {@code netstat -biI IF}: its last {@code <Link#N>} row, counted from the
 * right as upstream does (lib/vm-info), since the Address column may be empty and wide figures
 * push the columns apart (usr.bin/netstat/if.c sizes them to the widest cell): the row ends
 * {@code ... Ibytes Opkts Oerrs Obytes Coll}. Plain loops only: {@code vm info} reads this.
 *
 * @param inBytes the interface's Ibytes
 * @param outBytes the interface's Obytes
 */
public record NetstatCounters(long inBytes, long outBytes) {

    /** The counters, or null when the text has no statistics row. */
    public static NetstatCounters parse(String text) {
        String link = null;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                String line = text.substring(start, i);
                if (line.contains("<Link#")) {
                    link = line;
                }
                start = i + 1;
            }
        }
        if (link == null) {
            return null;
        }
        List<String> fields = Chars.words(link);
        if (fields.size() < 6) {
            return null;
        }
        String in = fields.get(fields.size() - 5);
        String out = fields.get(fields.size() - 2);
        if (!Chars.isDigits(in) || !Chars.isDigits(out)) {
            return null;
        }
        try {
            return new NetstatCounters(Long.parseLong(in), Long.parseLong(out));
        } catch (NumberFormatException e) {
            // beyond a long: not a figure netstat prints
            return null;
        }
    }
}
