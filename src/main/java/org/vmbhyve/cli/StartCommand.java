package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.VmException;
import org.vmbhyve.run.DryRun;
import org.vmbhyve.run.GuestStarter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm start [-fi] name...}: each guest in turn, {@code vm_delay} apart. */
@Command(name = "start", description = "Start guests")
final class StartCommand extends CliCommand {

    @Option(names = "-f", description = "Run in the foreground")
    boolean foreground;

    @Option(names = "-i", description = "Run in the foreground and attach the console")
    boolean interactive;

    @Option(names = "--dry-run", description = "Print the loader and bhyve commands instead of starting")
    boolean dryRun;

    @Option(names = "-t", hidden = true, description = "Console in tmux (used by the supervisor)")
    boolean tmux;

    @Option(names = "-v", hidden = true, description = "Accepted for upstream compatibility")
    boolean verbose;

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
        checkModes(foreground, interactive);
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        if (dryRun) {
            names.forEach(name -> new DryRun(vm, io.out()).show(name, null, foreground));
            return 0;
        }
        boolean one = names.size() == 1;
        GuestStarter starter = new GuestStarter(vm, io.out());
        int sum = 0;
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                println("Waiting " + vm.delaySeconds() + " second(s)");
                io.out().flush();
                sleep(vm.delaySeconds());
            }
            sum += starter.start(names.get(i), null,
                    new GuestStarter.Mode(one && foreground, one && interactive, io.argv0()));
        }
        return sum % 256;
    }

    /** {@code cmd::parse_args}: -f and -i cannot go together. */
    static void checkModes(boolean foreground, boolean interactive) {
        if (foreground && interactive) {
            throw new VmException("foreground and interactive mode are mutually exclusive");
        }
    }

    static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
