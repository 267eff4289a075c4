package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.supervise.Supervisor;

/** {@code vm _run [-ft] name [iso]}: the supervisor that start and install launch. */
final class RunCommand extends CliCommand {

    final RunModeOptions mode = new RunModeOptions();
    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        mode.declare(options);
        options.operands(args);
    }

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
        return new Supervisor(vm, name, mode.foreground.isSet(), mode.tmux.isSet()).run(iso, () -> { });
    }
}
