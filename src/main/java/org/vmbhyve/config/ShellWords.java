package org.vmbhyve.config;

import java.util.ArrayList;
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
        String trimmed = value.strip();
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= trimmed.length(); i++) {
            char c = i == trimmed.length() ? ' ' : trimmed.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n') {
                if (i > start) {
                    words.add(trimmed.substring(start, i));
                }
                start = i + 1;
            }
        }
        return List.copyOf(words);
    }
}
