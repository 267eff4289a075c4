package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.CreateRequest;
import org.vmbhyve.guest.GuestCreator;
import org.vmbhyve.guest.Guests;

final class CreateCommand extends CliCommand {

    String datastore = "default";
    String template = "default";
    String size;
    String cpu;
    String memory;
    String image;
    boolean cloudInit;
    String publicKeyFile;
    String userDataFile;
    String netConfig;
    final List<String> names = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.value("-d", value -> datastore = value);
        options.value("-t", value -> template = value);
        options.value("-s", value -> size = value);
        options.value("-c", value -> cpu = value);
        options.value("-m", value -> memory = value);
        options.value("-i", value -> image = value);
        options.flag("-C", () -> cloudInit = true);
        options.value("-k", value -> publicKeyFile = value);
        options.value("-u", value -> userDataFile = value);
        options.value("-n", value -> netConfig = value);
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
        new GuestCreator(vm, guests).create(new CreateRequest(names.get(0), datastore, template,
                given(size), given(cpu), given(memory), given(image), cloudInit, given(publicKeyFile),
                given(userDataFile), given(netConfig)));
        return 0;
    }

    /** Upstream tests options with {@code [ -n ]}: an empty argument counts as not given. */
    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isEmpty());
    }
}
