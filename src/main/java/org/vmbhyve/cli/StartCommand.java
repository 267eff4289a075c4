package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.DryRun;
import org.vmbhyve.run.GuestStarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm start [-fi] name...}: each guest in turn, {@code vm_delay} apart. */
@Command(name = "start", description = "Start guests")
final class StartCommand extends CliCommand {

    @Option(names = "--dry-run", description = "Print the loader and bhyve commands instead of starting")
    boolean dryRun;

    @Mixin
    RunModeOptions mode = new RunModeOptions();

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

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
