package org.vmbhyve.config;

import java.util.List;

/**
 * Splits a setting into argv words the way an unquoted sh expansion would (at runs of blanks),
 * without globbing or any other shell processing.
 */
public final class ShellWords {

    private ShellWords() {
    }

    public static List<String> split(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[ \\t\\n]+"));
    }
}
