package org.vmbhyve.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.error.VmException;

final class SetCommand extends CliCommand {

    final List<String> pairs = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.operands(pairs);
    }

    @Override
    String helpName() {
        return "set";
    }

    @Override
    public Integer call() {
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (eq < 0 || !SystemConfig.USER_SETTINGS.contains(key)) {
                throw new VmException("invalid configuration setting - '" + (eq < 0 ? pair : key) + "'");
            }
            try {
                vm.system().set(key, pair.substring(eq + 1));
            } catch (IOException | IllegalArgumentException e) {
                throw new VmException("unable to save setting '" + key + "': " + e.getMessage());
            }
        }
        return 0;
    }
}
