package org.vmbhyve.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.core.CommandAccess;
import org.vmbhyve.core.VmContext;

/** Fills a command's options from argv the getopts way, binds it, and calls it. */
final class CommandRunner {

    private CommandRunner() {
    }

    /** What the command line does to the host, asked of a silently parsed copy of the command. */
    static CommandAccess access(CliCommand command, List<String> args) {
        fill(command, args, Getopts.OnBadOption.IGNORE, new PrintWriter(Writer.nullWriter()));
        if (command.previewsOnly()) {
            return CommandAccess.PREVIEWS;
        }
        return command.readsOnly() ? CommandAccess.READS : CommandAccess.CHANGES;
    }

    static int run(CliCommand command, List<String> args, Invocation io, VmContext vm) throws Exception {
        if (!fill(command, args, command.onBadOption(), io.err())) {
            if (command.onBadOption() == Getopts.OnBadOption.USAGE) {
                throw new ShowUsage();
            }
            throw new ShowHelp(command.helpName());
        }
        command.bind(io, vm);
        if (!command.changesSystemConfig()) {
            return command.call();
        }
        try (LockFile.Hold lock = vm.system().lock()) {
            return command.call();
        }
    }

    /**
     * Applies argv to the command's options and operands. With no arguments there is nothing
     * to apply: every option keeps its initial value and every operand list starts empty, so
     * the option model is not built and picocli's classes are not even loaded.
     */
    private static boolean fill(CliCommand command, List<String> args, Getopts.OnBadOption policy, PrintWriter err) {
        return args.isEmpty() || Getopts.apply(CommandOptions.of(command), args, policy, err);
    }
}
