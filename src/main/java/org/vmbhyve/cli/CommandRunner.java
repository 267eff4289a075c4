package org.vmbhyve.cli;

import java.util.List;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.core.VmContext;
import picocli.CommandLine.Model.CommandSpec;

/** Fills a command's options from argv the getopts way, binds it, and calls it. */
final class CommandRunner {

    private CommandRunner() {
    }

    static int run(CliCommand command, List<String> args, Invocation io, VmContext vm) throws Exception {
        CommandSpec spec = CommandSpec.forAnnotatedObject(command);
        if (!Getopts.apply(spec, args, command.onBadOption(), io.err())) {
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
}
