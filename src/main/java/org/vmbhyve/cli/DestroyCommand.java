package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.GuestRemover;
import org.vmbhyve.guest.Guests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "destroy", description = "Remove a guest, or one of its snapshots")
final class DestroyCommand extends CliCommand {

    @Option(names = "-f", description = "Do not ask for confirmation")
    boolean force;

    @Parameters(paramLabel = "name[@snapshot]")
    List<String> names = new ArrayList<>();

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
            remover.destroy(name, force);
        }
        return 0;
    }
}
