package org.vmbhyve.run;

import java.util.List;

/** Splits a setting into words the way an unquoted sh expansion would: at runs of blanks, no globbing. */
final class ShellWords {

    private ShellWords() {
    }

    static List<String> split(String value) {
        String trimmed = value.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("[ \\t\\n]+"));
    }
}
