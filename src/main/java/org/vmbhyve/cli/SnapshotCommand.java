package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;

/** {@code vm snapshot [-f] name[@snapshot]}. */
final class SnapshotCommand extends CliCommand {

    boolean force;
    boolean interactive;
    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-f", () -> force = true);
        options.hiddenFlag("-i", () -> interactive = true);
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
        RunModeOptions.exclusive(force, interactive);
        SnapshotName name = SnapshotName.parse(args.isEmpty() ? "" : args.get(0));
        if (name.guest().isEmpty()) {
            throw help();
        }
        new Snapshots(vm).snapshot(name, force);
        return 0;
    }
}
