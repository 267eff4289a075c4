package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.DryRun;
import org.vmbhyve.supervise.GuestStarter;

/** {@code vm start [-fi] name...}: each guest in turn, {@code vm_delay} apart. */
final class StartCommand extends CliCommand {

    final OptionValue dryRun = new OptionValue();
    final RunModeOptions mode = new RunModeOptions();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("--dry-run", dryRun);
        mode.declare(options);
        options.operands(names);
    }

    @Override
    boolean previewsOnly() {
        return dryRun.isSet();
    }

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "start";
    }

    @Override
    public Integer call() {
        mode.check();
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        if (dryRun.isSet()) {
            for (String name : names) {
                new DryRun(vm, io.out()).show(name, null, mode.foreground.isSet());
            }
            return 0;
        }
        return new GuestStarter(vm, io.out())
                .startAll(names, new GuestStarter.Mode(mode.foreground.isSet(), mode.interactive.isSet(), io.argv0()));
    }

}
