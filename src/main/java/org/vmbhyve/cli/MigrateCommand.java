package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.storage.Migration;

/** {@code vm migrate [-12tnx] [-r new-name] [-d datastore] [-i snapshot] name host}. */
final class MigrateCommand extends CliCommand {

    final OptionValue reportConfig = new OptionValue();
    final OptionValue noStart = new OptionValue();
    /** -1 or -2, the single stage asked for (of the two the last one given wins); unset for both stages */
    final OptionValue stage = new OptionValue();
    final OptionValue triple = new OptionValue();
    final OptionValue destroy = new OptionValue();
    final OptionValue newName = new OptionValue("");
    final OptionValue datastore = new OptionValue("default");
    final OptionValue incremental = new OptionValue("");
    final List<String> args = new ArrayList<>();

    /** -c runs on the receiving host (the sender calls it over ssh) and prints a datastore's dataset. */
    @Override
    void declare(CommandOptions options) {
        options.hiddenFlag("-c", reportConfig);
        options.flag("-n", noStart);
        options.flag("-t", triple);
        options.flag("-x", destroy);
        options.value("-r", newName);
        options.value("-d", datastore);
        options.value("-i", incremental);
        options.flag("-1", stage);
        options.flag("-2", stage);
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
        if (reportConfig.isSet()) {
            return migration.reportDataset(datastore.get());
        }
        if (args.size() < 2 || args.get(0).isEmpty() || args.get(1).isEmpty()) {
            throw new ShowUsage();
        }
        migration.run(args.get(0), args.get(1), new Migration.Plan("-1".equals(stage.get()), "-2".equals(stage.get()),
                triple.isSet(), noStart.isSet(), destroy.isSet(), newName.get(), datastore.get(), incremental.get()));
        return 0;
    }
}
