package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.check.GuestChecker;
import org.vmbhyve.check.GuestReport;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.Guests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm check [--json] [name ...]}: what in guests' configs cannot work; exit 1 on any error. */
@Command(name = "check", description = "Check guest configurations")
final class CheckCommand extends CliCommand {

    @Option(names = "--json", description = "Print JSON")
    boolean json;

    @Parameters(paramLabel = "name")
    List<String> names = new ArrayList<>();

    @Override
    String helpName() {
        return "check";
    }

    @Override
    public Integer call() {
        Guests guests = new Guests(vm);
        List<Guest> chosen = new ArrayList<>();
        if (names.isEmpty()) {
            chosen.addAll(guests.all());
        }
        for (String name : names) {
            chosen.add(guests.require(name, "unable to locate virtual machine '" + name + "'"));
        }
        GuestChecker checker = new GuestChecker(vm);
        List<GuestReport> reports = chosen.stream().map(checker::check).toList();
        if (json) {
            print(JsonOutput.render(reports));
        } else {
            reports.forEach(report -> print(report.render()));
        }
        return reports.stream().anyMatch(GuestReport::hasErrors) ? 1 : 0;
    }
}
