package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;

/** {@code vm snapshot [-f] name[@snapshot]}. */
final class SnapshotCommand extends CliCommand {

    final OptionValue force = new OptionValue();
    final OptionValue interactive = new OptionValue();
    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-f", force);
        options.hiddenFlag("-i", interactive);
        options.ignoredFlags("-t", "-v");
        options.operands(args);
    }

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "snapshot";
    }

    @Override
    public Integer call() {
        RunModeOptions.exclusive(force.isSet(), interactive.isSet());
        SnapshotName name = SnapshotName.parse(args.isEmpty() ? "" : args.get(0));
        if (name.guest().isEmpty()) {
            throw help();
        }
        new Snapshots(vm).snapshot(name, force.isSet());
        return 0;
    }
}
