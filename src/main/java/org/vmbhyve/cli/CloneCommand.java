package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;

/** {@code vm clone name[@snapshot] new-name}: upstream parses no options here. */
final class CloneCommand extends CliCommand {

    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(args);
    }

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
