package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vmbhyve.core.CommandAccess;
import org.vmbhyve.error.VmException;

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

    /** The sub-words in upstream's matching order. */
    abstract List<String> subwords();

    /**
     * A fresh command for one of the sub-words. A switch rather than a table of constructor
     * references, which would link a lambda per sub-command on every run of the group.
     */
    abstract CliCommand subcommand(String word);

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
        List<String> prefixed = new ArrayList<>();
        for (String sub : subwords()) {
            if (!wholeWordsOnly().contains(sub)) {
                prefixed.add(sub);
            }
        }
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
            Optional<String> sub = CommandMatcher.find(args.get(0), subwords());
            return sub.isPresent()
                    && CommandRunner.access(subcommand(sub.get()), args.subList(1, args.size())) != CommandAccess.CHANGES;
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
        Optional<String> sub = match(args.get(0));
        if (sub.isEmpty()) {
            throw help();
        }
        return CommandRunner.run(subcommand(sub.get()), args.subList(1, args.size()), io, vm);
    }
}
