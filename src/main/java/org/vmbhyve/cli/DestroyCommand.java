package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.GuestRemover;
import org.vmbhyve.guest.Guests;

final class DestroyCommand extends CliCommand {

    final OptionValue force = new OptionValue();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-f", force);
        options.operands(names);
    }

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return "destroy";
    }

    @Override
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        String name = names.get(0);
        GuestRemover remover = new GuestRemover(vm, new Guests(vm));
        int at = name.indexOf('@');
        if (at >= 0) {
            remover.destroySnapshot(name.substring(0, at), name.substring(name.lastIndexOf('@') + 1));
        } else {
            remover.destroy(name, force.isSet());
        }
        return 0;
    }
}
