package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.VmException;
import org.vmbhyve.storage.SnapshotName;
import org.vmbhyve.storage.Snapshots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm rollback [-r] name@snapshot}. */
@Command(name = "rollback", description = "Roll a guest back to a snapshot")
final class RollbackCommand extends CliCommand {

    @Option(names = "-r", description = "Also destroy the snapshots taken after it")
    boolean destroyLater;

    @Parameters(paramLabel = "name@snapshot")
    List<String> args = new ArrayList<>();

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
        new Snapshots(vm).rollback(name, destroyLater);
        return 0;
    }
}
