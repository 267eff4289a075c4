package org.vmbhyve.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Parses a command's argv as upstream's {@code getopts} loops do, using the options the command
 * declares ({@link CommandOptions}): single-letter options that may be clustered ({@code -fi}),
 * an option argument attached or in the next word, parsing stops at the first non-option word
 * or {@code --}, and FreeBSD sh's diagnostics for a bad option. Our long flags ({@code --json},
 * {@code --dry-run}) are accepted in the option part too.
 */
final class Getopts {

    /** What a command does after an unknown option or a missing option argument. */
    enum OnBadOption {
        /** print the command's help and exit 0 (getopts loops with a {@code *)} branch) */
        HELP,
        /** print the overview and exit 1 ({@code switch create}) */
        USAGE,
        /** carry on (the shared {@code cmd::parse_args} loop, which has no {@code *)} branch) */
        IGNORE,
        /** the word is the first operand (a command upstream gives no option loop, but we give a flag) */
        OPERAND
    }

    private Getopts() {
    }

    /**
     * Applies argv to the declared options and operand list.
     *
     * @return false when a bad option was met and the policy is not IGNORE
     */
    static boolean apply(CommandOptions declared, List<String> args, OnBadOption policy, PrintWriter err) {
        Map<Character, OptionSpec> shorts = new HashMap<>();
        Map<String, OptionSpec> longs = new HashMap<>();
        for (OptionSpec option : declared.options()) {
            for (String name : option.names()) {
                if (name.length() == 2 && name.charAt(0) == '-') {
                    shorts.put(name.charAt(1), option);
                } else if (name.startsWith("--")) {
                    longs.put(name, option);
                }
            }
        }
        int i = 0;
        words:
        while (i < args.size()) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                i++;
                break;
            }
            if (longs.containsKey(arg)) {
                longs.get(arg).setValue(true);
                i++;
                continue;
            }
            // a command with no getopts loop upstream takes every other word as an operand
            if (!arg.startsWith("-") || arg.length() == 1 || shorts.isEmpty()) {
                break;
            }
            for (int j = 1; j < arg.length(); j++) {
                char letter = arg.charAt(j);
                OptionSpec option = shorts.get(letter);
                if (option == null && policy == OnBadOption.OPERAND && j == 1) {
                    break words;
                }
                if (option == null) {
                    err.println("Illegal option -" + letter);
                    err.flush();
                    if (policy != OnBadOption.IGNORE) {
                        return false;
                    }
                    continue;
                }
                if (!option.typeInfo().isBoolean()) {
                    String value = arg.substring(j + 1);
                    if (value.isEmpty()) {
                        if (i + 1 >= args.size()) {
                            err.println("No arg for -" + letter + " option");
                            err.flush();
                            if (policy != OnBadOption.IGNORE) {
                                return false;
                            }
                            i++;
                            break words;
                        }
                        value = args.get(++i);
                    }
                    option.setValue(value);
                    break;
                }
                option.setValue(true);
            }
            i++;
        }
        Optional<PositionalParamSpec> operands = declared.operands();
        if (operands.isPresent()) {
            operands.get().setValue(new ArrayList<>(args.subList(i, args.size())));
        }
        return true;
    }
}
