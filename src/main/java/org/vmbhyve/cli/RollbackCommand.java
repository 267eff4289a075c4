package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.error.VmException;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;

/** {@code vm rollback [-r] name@snapshot}. */
final class RollbackCommand extends CliCommand {

    final OptionValue destroyLater = new OptionValue();
    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-r", destroyLater);
        options.operands(args);
    }

    @Override
    String helpName() {
        return "rollback";
    }

    @Override
    public Integer call() {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw help();
        }
        if (!args.get(0).contains("@")) {
            throw new VmException("a snapshot name must be provided in guest@snapshot format");
        }
        SnapshotName name = SnapshotName.parse(args.get(0));
        if (name.guest().isEmpty() || !name.hasSnapshot()) {
            throw help();
        }
        new Snapshots(vm).rollback(name, destroyLater.isSet());
        return 0;
    }
}
