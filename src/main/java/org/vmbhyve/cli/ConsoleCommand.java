package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.run.GuestConsole;

/** {@code vm console [-w] name [port]}. */
final class ConsoleCommand extends CliCommand {

    final OptionValue waitForGuest = new OptionValue();
    final List<String> args = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("-w", waitForGuest);
        options.operands(args);
    }

    @Override
    String helpName() {
        return "console";
    }

    @Override
    public Integer call() {
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw help();
        }
        return new GuestConsole(vm, io.out())
                .attach(args.get(0), args.size() > 1 ? args.get(1) : "", waitForGuest.isSet());
    }
}
