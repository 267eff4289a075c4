package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.CreateRequest;
import org.vmbhyve.guest.GuestCreator;
import org.vmbhyve.guest.Guests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Create a new guest")
final class CreateCommand extends CliCommand {

    @Option(names = "-d", paramLabel = "datastore")
    String datastore = "default";

    @Option(names = "-t", paramLabel = "template")
    String template = "default";

    @Option(names = "-s", paramLabel = "size")
    String size;

    @Option(names = "-c", paramLabel = "cpus")
    String cpu;

    @Option(names = "-m", paramLabel = "memory")
    String memory;

    @Option(names = "-i", paramLabel = "image")
    String image;

    @Option(names = "-C", description = "Enable cloud-init")
    boolean cloudInit;

    @Option(names = "-k", paramLabel = "keyfile")
    String publicKeyFile;

    @Option(names = "-u", paramLabel = "userdata")
    String userDataFile;

    @Option(names = "-n", paramLabel = "netconfig")
    String netConfig;

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

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
