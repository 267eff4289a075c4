package org.vmbhyve.cli;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.info.GuestLister;
import org.vmbhyve.info.GuestRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list", description = "List guests")
final class ListCommand extends CliCommand {

    @Option(names = "-r", description = "Only running guests")
    boolean runningOnly;

    @Option(names = "-v", description = "Also show %CPU, RSZ and UPTIME")
    boolean verbose;

    @Option(names = "-t", paramLabel = "tag", description = "Only guests with this tag")
    String tag;

    @Option(names = "--json", description = "Print JSON")
    boolean json;

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
