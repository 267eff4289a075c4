package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.SystemConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "get", description = "Show global settings")
final class GetCommand extends CliCommand {

    @Parameters(paramLabel = "all|setting")
    List<String> keys = new ArrayList<>();

    @Override
    boolean readsOnly() {
        return true;
    }

    @Override
    String helpName() {
        return "get";
    }

    @Override
    public Integer call() {
        StringBuilder out = new StringBuilder(row("SETTING", "VALUE"));
        List<String> wanted = !keys.isEmpty() && keys.get(0).equals("all") ? SystemConfig.USER_SETTINGS : keys;
        for (String key : wanted) {
            // only the exact setting names count (upstream matched substrings)
            if (SystemConfig.USER_SETTINGS.contains(key)) {
                String value = vm.system().value(key);
                out.append(row(key, value.isEmpty() ? "-" : value));
            }
        }
        print(out.toString());
        return 0;
    }

    private static String row(String key, String value) {
        return String.format("%-20s%s%n", key, value);
    }
}
