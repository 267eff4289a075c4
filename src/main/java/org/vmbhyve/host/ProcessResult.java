package org.vmbhyve.host;

import java.util.List;

/** What one finished host command left behind. */
public record ProcessResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** stdout split into lines, without a trailing empty line. */
    public List<String> lines() {
        if (stdout.isEmpty()) {
            return List.of();
        }
        String body = stdout.endsWith("\n") ? stdout.substring(0, stdout.length() - 1) : stdout;
        return List.of(body.split("\n", -1));
    }

    /** First line of stdout, trimmed of its newline, or "" when there is none. */
    public String firstLine() {
        List<String> lines = lines();
        return lines.isEmpty() ? "" : lines.get(0);
    }
}
