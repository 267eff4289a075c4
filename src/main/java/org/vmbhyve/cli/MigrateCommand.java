package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.Migration;

/** {@code vm migrate [-12tnx] [-r new-name] [-d datastore] [-i snapshot] name host}. */
final class MigrateCommand extends CliCommand {

    boolean reportConfig;
    boolean noStart;
    /** 0 for both stages, else the single stage asked for; of -1 and -2 the last one wins. */
    int stage;
    boolean triple;
    boolean destroy;
    String newName = "";
    String datastore = "default";
    String incremental = "";
    final List<String> args = new ArrayList<>();

    /** -c runs on the receiving host (the sender calls it over ssh) and prints a datastore's dataset. */
    @Override
    void declare(CommandOptions options) {
        options.hiddenFlag("-c", () -> reportConfig = true);
        options.flag("-n", () -> noStart = true);
        options.flag("-t", () -> triple = true);
        options.flag("-x", () -> destroy = true);
        options.value("-r", value -> newName = value);
        options.value("-d", value -> datastore = value);
        options.value("-i", value -> incremental = value);
        options.flag("-1", () -> stage = 1);
        options.flag("-2", () -> stage = 2);
        options.operands(args);
    }

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
