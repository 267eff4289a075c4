package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.config.Setting;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.SystemConfig;

final class GetCommand extends CliCommand {

    final OptionValue json = new OptionValue();
    final List<String> keys = new ArrayList<>();

    @Override
    void declare(CommandOptions options) {
        options.flag("--json", json);
        options.operands(keys);
    }

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
        List<Setting> rows = new ArrayList<>();
        List<String> wanted = !keys.isEmpty() && keys.get(0).equals("all") ? SystemConfig.USER_SETTINGS : keys;
        for (String key : wanted) {
            // only the exact setting names count (upstream matched substrings)
            if (SystemConfig.USER_SETTINGS.contains(key)) {
                String value = vm.system().value(key);
                rows.add(new Setting(key, value.isEmpty() ? null : value));
            }
        }
        print(json.isSet() ? JsonOutput.render(rows) : render(rows));
        return 0;
    }

    private static String render(List<Setting> rows) {
        StringBuilder out = new StringBuilder(row("SETTING", "VALUE"));
        for (Setting r : rows) {
            out.append(row(r.setting(), r.value() == null ? "-" : r.value()));
        }
        return out.toString();
    }

    /** {@code printf "%-20s%s\n"}. */
    private static String row(String key, String value) {
        return Chars.padded(key, 20) + value + "\n";
    }
}
