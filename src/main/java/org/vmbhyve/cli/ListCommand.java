package org.vmbhyve.cli;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.info.GuestLister;
import org.vmbhyve.info.GuestRow;

final class ListCommand extends CliCommand {

    boolean runningOnly;
    boolean verbose;
    String tag;
    boolean json;

    @Override
    void declare(CommandOptions options) {
        options.flag("-r", () -> runningOnly = true);
        options.flag("-v", () -> verbose = true);
        options.value("-t", value -> tag = value);
        options.flag("--json", () -> json = true);
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
                .list(new GuestLister.Options(runningOnly, verbose, Optional.ofNullable(tag)));
        print(json ? JsonOutput.render(rows) : GuestLister.render(rows, verbose));
        return 0;
    }
}
