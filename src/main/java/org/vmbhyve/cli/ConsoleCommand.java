package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestConsole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vm console [-w] name [port]}. */
@Command(name = "console", description = "Attach to a guest's serial console")
final class ConsoleCommand extends CliCommand {

    @Option(names = "-w", description = "Wait for the guest to start")
    boolean waitForGuest;

    @Parameters(paramLabel = "name [com1|com2]")
    List<String> args = new ArrayList<>();

    @Override
    String helpName() {
        return "console";
    }

    @Override
    public Integer call() {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw help();
        }
        return new GuestConsole(vm, io.out()).attach(args.get(0), args.size() > 1 ? args.get(1) : "", waitForGuest);
    }
}
