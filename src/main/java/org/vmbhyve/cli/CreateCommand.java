package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.CreateRequest;
import org.vmbhyve.guest.GuestCreator;
import org.vmbhyve.guest.Guests;

final class CreateCommand extends CliCommand {

    final OptionValue datastore = new OptionValue("default");
    final OptionValue template = new OptionValue("default");
    final OptionValue size = new OptionValue();
    final OptionValue cpu = new OptionValue();
    final OptionValue memory = new OptionValue();
    final OptionValue image = new OptionValue();
    final OptionValue cloudInit = new OptionValue();
    final OptionValue publicKeyFile = new OptionValue();
    final OptionValue userDataFile = new OptionValue();
    final OptionValue netConfig = new OptionValue();
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.value("-d", datastore);
        options.value("-t", template);
        options.value("-s", size);
        options.value("-c", cpu);
        options.value("-m", memory);
        options.value("-i", image);
        options.flag("-C", cloudInit);
        options.value("-k", publicKeyFile);
        options.value("-u", userDataFile);
        options.value("-n", netConfig);
        options.operands(names);
    }

    @Override
    String helpName() {
        return "create";
    }

    @Override
    public Integer call() {
        if (names.isEmpty() || names.get(0).isEmpty()) {
            throw help();
        }
        Guests guests = new Guests(vm);
        new GuestCreator(vm, guests).create(new CreateRequest(names.get(0), datastore.get(), template.get(),
                given(size.get()), given(cpu.get()), given(memory.get()), given(image.get()), cloudInit.isSet(),
                given(publicKeyFile.get()), given(userDataFile.get()), given(netConfig.get())));
        return 0;
    }

    /** Upstream tests options with {@code [ -n ]}: an empty argument counts as not given. */
    private static Optional<String> given(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
