package org.vmbhyve.host;

import java.math.BigDecimal;
import java.util.List;
import org.vmbhyve.config.Chars;

/**
 * One line of {@code ps -o%cpu= -orss= -oetime= -p PID}: no header (every title is empty),
 * values a blank or more apart, %cpu as {@code %.1f}, rss in KiB, and etime as
 * {@code [[DD-]HH:]MM:SS} with the day count {@code %3d}-padded (bin/ps/print.c elapsed()).
 *
 * @param cpu the %cpu column
 * @param rssKib resident memory in KiB
 * @param etime the elapsed time as ps prints it
 */
public record PsStats(BigDecimal cpu, long rssKib, String etime) {

    /** The three values, or null when the line is not that (the process has gone: no line). */
    public static PsStats parse(String stdout) {
        List<String> words = Chars.words(stdout);
        if (words.size() < 3) {
            return null;
        }
        try {
            return new PsStats(new BigDecimal(words.get(0)), Long.parseLong(words.get(1)), words.get(2));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The elapsed time in seconds; null when etime reads otherwise. */
    public Long seconds() {
        return seconds(etime);
    }

    /** {@code [[DD-]HH:]MM:SS} in seconds; null when it reads otherwise. */
    public static Long seconds(String etime) {
        int dash = etime.indexOf('-');
        long days = 0;
        try {
            if (dash >= 0) {
                days = Long.parseLong(etime.substring(0, dash).strip());
            }
            String[] parts = etime.substring(dash + 1).split(":");
            if (parts.length < 2 || parts.length > 3) {
                return null;
            }
            long total = 0;
            for (String part : parts) {
                total = total * 60 + Long.parseLong(part);
            }
            return days * 86400 + total;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
