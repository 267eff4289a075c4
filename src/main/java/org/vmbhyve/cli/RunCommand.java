package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.Supervisor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm _run [-ft] name [iso]}: the supervisor that start and install launch. */
@Command(name = "_run", hidden = true, description = "Supervise one guest (started by start and install)")
final class RunCommand extends CliCommand {

    @Mixin
    RunModeOptions mode = new RunModeOptions();

    @Parameters(paramLabel = "name [iso]")
    List<String> args = new ArrayList<>();

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "_run";
    }

    @Override
    public Integer call() {
        mode.check();
        String name = args.isEmpty() ? "" : args.get(0);
        String iso = args.size() > 1 ? args.get(1) : "";
        return new Supervisor(vm, name, mode.foreground, mode.tmux).run(iso, () -> { });
    }
}
