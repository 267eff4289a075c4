package org.vmbhyve.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.info.GuestDetails;
import org.vmbhyve.info.GuestInspector;
import org.vmbhyve.info.GuestLister;

final class InfoCommand extends CliCommand {

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
        return "info";
    }

    @Override
    public Integer call() {
        // upstream reads the bridge list first, for every run of info; running guests' taps are looked up in it
        String bridges = vm.runner().runShowingErrors("ifconfig", "-g", "vm-switch").stdout();
        Guests guests = new Guests(vm);
        GuestInspector inspector = new GuestInspector(vm, guests, bridges);
        Blocks<GuestDetails> blocks = new Blocks<>(this, json.isSet());
        int status = 0;
        for (Guest guest : guests.namedOrAll(names)) {
            Optional<Path> unreadable = guest.unreadable();
            if (unreadable.isPresent()) {
                vm.ui().warn(GuestLister.unreadableMessage(guest, unreadable.get()));
                // a guest asked for by name and not shown is a failure; one of all is not
                status = names.isEmpty() ? status : 1;
                continue;
            }
            blocks.add(inspector.inspect(guest));
        }
        blocks.finish();
        return status;
    }
}
