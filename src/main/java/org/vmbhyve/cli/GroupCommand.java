package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.vmbhyve.core.CommandAccess;
import org.vmbhyve.core.VmException;

/**
 * A command with sub-words of its own ({@code switch}, {@code datastore}, {@code image},
 * {@code tags}): no sub-word or an unknown one shows the group's help, a prefix selects as at
 * the top level.
 */
abstract class GroupCommand extends CliCommand {

    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(args);
    }

    /** The sub-commands in upstream's matching order. */
    abstract Map<String, Supplier<CliCommand>> subcommands();

    /**
     * Sub-words of ours that match only when typed in full, so that no abbreviation of
     * upstream's words changes meaning ({@code vm switch i} stays {@code info}).
     */
    Set<String> wholeWordsOnly() {
        return Set.of();
    }

    /** The sub-command a word selects: a whole-word-only name, or upstream's prefix matching of the others. */
    final Optional<String> match(String word) {
        if (wholeWordsOnly().contains(word)) {
            return Optional.of(word);
        }
        List<String> prefixed = subcommands().keySet().stream().filter(w -> !wholeWordsOnly().contains(w)).toList();
        return CommandMatcher.find(word, prefixed);
    }

    /** A check made after the empty test and before matching (the image group needs ZFS). */
    void beforeMatching() {
    }

    /** A sub-command that only reads; a bare, unknown or ambiguous sub-word is root's, as upstream checks first. */
    @Override
    boolean readsOnly() {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            return false;
        }
        try {
            return CommandMatcher.find(args.get(0), List.copyOf(subcommands().keySet()))
                    .map(sub -> CommandRunner.access(subcommands().get(sub).get(), args.subList(1, args.size()))
                            != CommandAccess.CHANGES)
                    .orElse(false);
        } catch (VmException e) {
            return false;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw help();
        }
        beforeMatching();
        String sub = match(args.get(0)).orElseThrow(this::help);
        return CommandRunner.run(subcommands().get(sub).get(), args.subList(1, args.size()), io, vm);
    }
}
