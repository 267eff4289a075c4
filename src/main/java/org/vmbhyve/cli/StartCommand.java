package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.Pause;
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
        boolean one = names.size() == 1;
        GuestStarter starter = new GuestStarter(vm, io.out());
        int sum = 0;
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                println("Waiting " + vm.delaySeconds() + " second(s)");
                io.out().flush();
                Pause.seconds(vm.delaySeconds());
            }
            sum += starter.start(names.get(i), null,
                    new GuestStarter.Mode(one && mode.foreground, one && mode.interactive, io.argv0()));
        }
        return sum % 256;
    }


}
