package org.vmbhyve.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vmbhyve.error.VmException;

/**
 * Upstream's command-word matching ({@code cmd::find}): an exact, case-sensitive match wins at
 * once; otherwise a unique case-insensitive prefix selects the command, and a second prefix hit
 * is reported as ambiguous. The word is a literal prefix, never a pattern.
 */
final class CommandMatcher {

    private CommandMatcher() {
    }

    static Optional<String> find(String word, List<String> choices) {
        if (word == null || word.isEmpty()) {
            throw new VmException("no command specified");
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String found = null;
        for (String choice : choices) {
            if (choice.equals(word)) {
                return Optional.of(choice);
            }
            if (choice.toLowerCase(Locale.ROOT).startsWith(lower)) {
                if (found != null) {
                    throw new VmException("ambiguous command '" + word + "'");
                }
                found = choice;
            }
        }
        return Optional.ofNullable(found);
    }
}
