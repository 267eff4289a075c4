package org.vmbhyve.cli;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.info.GuestLister;
import org.vmbhyve.info.GuestRow;

final class ListCommand extends CliCommand {

    final OptionValue runningOnly = new OptionValue();
    final OptionValue verbose = new OptionValue();
    final OptionValue tag = new OptionValue();
    final OptionValue json = new OptionValue();

    @Override
    void declare(CommandOptions options) {
        options.flag("-r", runningOnly);
        options.flag("-v", verbose);
        options.value("-t", tag);
        options.flag("--json", json);
    }

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    String helpName() {
        return "list";
    }

    @Override
    public Integer call() {
        List<GuestRow> rows = new GuestLister(vm, new Guests(vm))
                .list(new GuestLister.Options(runningOnly.isSet(), verbose.isSet(), Optional.ofNullable(tag.get()),
                        json.isSet()));
        print(json.isSet() ? JsonOutput.render(rows) : GuestLister.render(rows, verbose.isSet()));
        return 0;
    }
}
