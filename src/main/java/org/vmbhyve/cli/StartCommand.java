package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.DryRun;
import org.vmbhyve.run.GuestStarter;

/** {@code vm start [-fi] name...}: each guest in turn, {@code vm_delay} apart. */
final class StartCommand extends CliCommand {

    boolean dryRun;
    final RunModeOptions mode = new RunModeOptions();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("--dry-run", () -> dryRun = true);
        mode.declare(options);
        options.operands(names);
    }

    @Override
    boolean previewsOnly() {
        return dryRun;
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
        if (dryRun) {
            names.forEach(name -> new DryRun(vm, io.out()).show(name, null, mode.foreground));
            return 0;
        }
        return new GuestStarter(vm, io.out())
                .startAll(names, new GuestStarter.Mode(mode.foreground, mode.interactive, io.argv0()));
    }

}
