package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The options and operands a command accepts ({@link CliCommand#declare}), declared in code as
 * picocli's option and parameter models, which {@link Getopts} parses with and the completion
 * reads. Not by annotations: reading those makes the JDK generate a proxy class per annotation
 * type on each run, which no start-up archive holds (20 to 30 ms of every command given
 * arguments). Nor gathered into a picocli {@code CommandSpec}, which compiles four regular
 * expressions when created (its negatable-option transformer: 2 ms on JDK 25, 5 ms on JDK 17)
 * for parsing we do not use. What the command line gives lands in the command's
 * {@link OptionValue}s, set by plain setter classes rather than lambdas.
 */
final class CommandOptions {

    private final List<OptionSpec> options = new ArrayList<>();
    private PositionalParamSpec operands;

    private CommandOptions() {
    }

    /** The options and operands the command declares. */
    static CommandOptions of(CliCommand command) {
        CommandOptions options = new CommandOptions();
        command.declare(options);
        return options;
    }

    /** The options, in the order declared. */
    List<OptionSpec> options() {
        return options;
    }

    /** The option with this name ({@code -t}, {@code --json}). */
    Optional<OptionSpec> find(String name) {
        for (OptionSpec option : options) {
            for (String known : option.names()) {
                if (known.equals(name)) {
                    return Optional.of(option);
                }
            }
        }
        return Optional.empty();
    }

    /** The list the words after the options go to, when the command takes any. */
    Optional<PositionalParamSpec> operands() {
        return Optional.ofNullable(operands);
    }

    /** An option without an argument ({@code -f}, {@code --json}), recorded in {@code value}. */
    void flag(String name, OptionValue value) {
        options.add(flagOption(name, value).build());
    }

    /** A flag of ours or of upstream that the help and the completion do not show. */
    void hiddenFlag(String name, OptionValue value) {
        options.add(flagOption(name, value).hidden(true).build());
    }

    /** Letters accepted and ignored, as upstream's shared option loop does; not shown. */
    void ignoredFlags(String... names) {
        options.add(OptionSpec.builder(names).type(boolean.class).arity("0").hidden(true).build());
    }

    /** An option with an argument, attached ({@code -tlinux}) or in the next word. */
    void value(String name, OptionValue value) {
        options.add(OptionSpec.builder(name).type(String.class).arity("1").setter(value.setter(null)).build());
    }

    /**
     * The words after the options, put into {@code list} (in place, so that the list is what
     * reading the operands gives: it must start empty, as a command line without arguments
     * is not parsed at all).
     */
    void operands(List<String> list) {
        operands = PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class).arity("0..*")
                .getter(new ListGetter(list)).setter(new ListSetter(list)).build();
    }

    private static OptionSpec.Builder flagOption(String name, OptionValue value) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").setter(value.setter(name));
    }

    /** The operand list, as picocli reads it back. */
    private static final class ListGetter implements IGetter {

        private final List<String> list;

        ListGetter(List<String> list) {
            this.list = list;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) list;
        }
    }

    /** Replaces the operand list's words with those parsed. */
    private static final class ListSetter implements ISetter {

        private final List<String> list;

        ListSetter(List<String> list) {
            this.list = list;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            list.clear();
            list.addAll((Collection<String>) value);
            return null;
        }
    }
}
