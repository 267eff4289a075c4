package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code vm clone name[@snapshot] new-name}: upstream parses no options here. */
@Command(name = "clone", description = "Copy a guest from a ZFS snapshot")
final class CloneCommand extends CliCommand {

    @Parameters(paramLabel = "name[@snapshot] new-name")
    List<String> args = new ArrayList<>();

    @Override
    String helpName() {
        return "clone";
    }

    @Override
    public Integer call() {
        if (args.size() < 2 || args.get(0).isEmpty() || args.get(1).isEmpty()) {
            throw help();
        }
        new Snapshots(vm).cloneGuest(SnapshotName.parse(args.get(0)), args.get(1), io.out());
        return 0;
    }
}
