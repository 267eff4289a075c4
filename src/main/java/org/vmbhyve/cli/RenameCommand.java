package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.GuestRenamer;
import org.vmbhyve.guest.Guests;

final class RenameCommand extends CliCommand {

    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(names);
    }

    @Override
    String helpName() {
        return "rename";
    }

    @Override
    public Integer call() {
        if (names.size() < 2 || names.get(0).isEmpty() || names.get(1).isEmpty()) {
            throw help();
        }
        new GuestRenamer(vm, new Guests(vm)).rename(names.get(0), names.get(1));
        return 0;
    }
}
