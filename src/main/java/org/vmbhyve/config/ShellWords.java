package org.vmbhyve.config;

import java.util.List;

/**
 * Splits a setting into argv words the way an unquoted sh expansion would (at runs of blanks),
 * without globbing or any other shell processing.
 */
public final class ShellWords {

    private ShellWords() {
    }

    /** The words of {@code value.strip().split("[ \t\n]+")}. */
    public static List<String> split(String value) {
        return List.copyOf(Chars.split(value.strip(), " \t\n"));
    }
}
