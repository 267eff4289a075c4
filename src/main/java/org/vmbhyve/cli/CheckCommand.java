package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.check.GuestChecker;
import org.vmbhyve.check.GuestReport;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;

/** {@code vm check [--json] [name ...]}: what in guests' configs cannot work; exit 1 on any error. */
final class CheckCommand extends CliCommand {

    final OptionValue json = new OptionValue();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("--json", json);
        options.operands(names);
    }

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    String helpName() {
        return "check";
    }

    @Override
    public Integer call() {
        GuestChecker checker = new GuestChecker(vm);
        Blocks<GuestReport> blocks = new Blocks<>(this, json.isSet());
        for (Guest guest : new Guests(vm).namedOrAll(names)) {
            blocks.add(checker.check(guest));
        }
        List<GuestReport> reports = blocks.finish();
        return reports.stream().anyMatch(GuestReport::hasErrors) ? 1 : 0;
    }
}
