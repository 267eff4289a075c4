package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.guest.GuestRenamer;
import org.vmbhyve.guest.Guests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "rename", description = "Rename a stopped guest")
final class RenameCommand extends CliCommand {

    @Parameters(paramLabel = "old new")
    List<String> names = new ArrayList<>();

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
