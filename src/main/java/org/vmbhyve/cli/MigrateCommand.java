package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.Migration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm migrate [-12tnx] [-r new-name] [-d datastore] [-i snapshot] name host}. */
@Command(name = "migrate", description = "Move a guest to another host over ssh (ZFS)")
final class MigrateCommand extends CliCommand {

    @Option(names = "-c", hidden = true, description = "Receiver side: print the datastore's dataset")
    boolean reportConfig;

    @Option(names = "-n", description = "Do not start the guest on the new host")
    boolean noStart;

    /** 0 for both stages, else the single stage asked for; of -1 and -2 the last one wins. */
    int stage;

    @Option(names = "-1", description = "Stage 1 only")
    void stage1(boolean set) {
        stage = 1;
    }

    @Option(names = "-2", description = "Stage 2 only")
    void stage2(boolean set) {
        stage = 2;
    }

    @Option(names = "-t", description = "Triple-snapshot mode")
    boolean triple;

    @Option(names = "-x", description = "Destroy the local guest when done")
    boolean destroy;

    @Option(names = "-r", paramLabel = "new-name")
    String newName = "";

    @Option(names = "-d", paramLabel = "datastore")
    String datastore = "default";

    @Option(names = "-i", paramLabel = "snapshot")
    String incremental = "";

    @Parameters(paramLabel = "name host")
    List<String> args = new ArrayList<>();

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "migrate";
    }

    @Override
    public Integer call() {
        Migration migration = new Migration(vm, io.out());
        if (reportConfig) {
            return migration.reportDataset(datastore);
        }
        if (args.size() < 2 || args.get(0).isEmpty() || args.get(1).isEmpty()) {
            throw new ShowUsage();
        }
        migration.run(args.get(0), args.get(1), new Migration.Plan(stage == 1, stage == 2, triple, noStart, destroy,
                newName, datastore, incremental));
        return 0;
    }
}
