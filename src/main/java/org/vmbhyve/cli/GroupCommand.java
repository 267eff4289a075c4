package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.vmbhyve.core.VmException;
import picocli.CommandLine.Parameters;

/**
 * A command with sub-words of its own ({@code switch}, {@code datastore}, {@code image},
 * {@code tags}): no sub-word or an unknown one shows the group's help, a prefix selects as at
 * the top level.
 */
abstract class GroupCommand extends CliCommand {

    @Parameters
    List<String> args = new ArrayList<>();

    /** The sub-commands in upstream's matching order. */
    abstract Map<String, Supplier<CliCommand>> subcommands();

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
                    .map(sub -> CommandRunner.readsOnly(subcommands().get(sub).get(), args.subList(1, args.size())))
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
        String sub = CommandMatcher.find(args.get(0), List.copyOf(subcommands().keySet()))
                .orElseThrow(this::help);
        return CommandRunner.run(subcommands().get(sub).get(), args.subList(1, args.size()), io, vm);
    }
}
