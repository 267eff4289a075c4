package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm snapshot [-f] name[@snapshot]}. */
@Command(name = "snapshot", description = "Take a ZFS snapshot of a guest")
final class SnapshotCommand extends CliCommand {

    @Option(names = "-f", description = "Snapshot a running guest too")
    boolean force;

    @Option(names = "-i", hidden = true, description = "Accepted as upstream's shared option loop does")
    boolean interactive;

    @Option(names = {"-t", "-v"}, hidden = true, description = "Accepted as upstream's shared option loop does")
    boolean ignored;

    @Parameters(paramLabel = "name[@snapshot]")
    List<String> args = new ArrayList<>();

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
