package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.run.DryRun;
import org.vmbhyve.supervise.GuestStarter;

/** {@code vm install [-fi] name iso}: a start that boots from the ISO first. */
final class InstallCommand extends CliCommand {

    final OptionValue dryRun = new OptionValue();
    final RunModeOptions mode = new RunModeOptions();
    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("--dry-run", dryRun);
        mode.declare(options);
        options.operands(args);
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
        return "install";
    }

    @Override
    public Integer call() {
        mode.check();
        if (args.size() < 2 || args.get(0).isEmpty() || args.get(1).isEmpty()) {
            throw help();
        }
        String iso = vm.datastores().findMedia(Datastore.Kind.ISO, args.get(1), vm.workingDir())
                .orElseThrow(() -> new VmException("unable to locate iso file - '" + args.get(1) + "'"))
                .toString();
        if (dryRun.isSet()) {
            return new DryRun(vm, io.out()).show(args.get(0), iso, mode.foreground.isSet());
        }
        return new GuestStarter(vm, io.out()).start(args.get(0), iso,
                new GuestStarter.Mode(mode.foreground.isSet(), mode.interactive.isSet(), io.argv0()));
    }
}
