package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
 * for parsing we do not use.
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
        return options.stream().filter(option -> List.of(option.names()).contains(name)).findFirst();
    }

    /** The list the words after the options go to, when the command takes any. */
    Optional<PositionalParamSpec> operands() {
        return Optional.ofNullable(operands);
    }

    /** An option without an argument ({@code -f}, {@code --json}). */
    void flag(String name, Runnable set) {
        options.add(flagOption(name, set).build());
    }

    /** A flag of ours or of upstream that the help and the completion do not show. */
    void hiddenFlag(String name, Runnable set) {
        options.add(flagOption(name, set).hidden(true).build());
    }

    /** Letters accepted and ignored, as upstream's shared option loop does; not shown. */
    void ignoredFlags(String... names) {
        options.add(OptionSpec.builder(names).type(boolean.class).arity("0").hidden(true).build());
    }

    /** An option with an argument, attached ({@code -tlinux}) or in the next word. */
    void value(String name, Consumer<String> set) {
        options.add(OptionSpec.builder(name).type(String.class).arity("1")
                .setter(set(value -> set.accept((String) value))).build());
    }

    /**
     * The words after the options, put into {@code list} (in place, so that the list is what
     * reading the operands gives: it must start empty, as a command line without arguments
     * is not parsed at all).
     */
    @SuppressWarnings("unchecked")
    void operands(List<String> list) {
        operands = PositionalParamSpec.builder().type(List.class).auxiliaryTypes(String.class).arity("0..*")
                .getter(get(list)).setter(set(value -> {
                    list.clear();
                    list.addAll((Collection<String>) value);
                })).build();
    }

    private static OptionSpec.Builder flagOption(String name, Runnable set) {
        return OptionSpec.builder(name).type(boolean.class).arity("0").setter(set(value -> set.run()));
    }

    /** picocli's setter and getter interfaces have generic methods, which a lambda cannot implement. */
    private static ISetter set(Consumer<Object> set) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                set.accept(value);
                return null;
            }
        };
    }

    private static IGetter get(Object value) {
        return new IGetter() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get() {
                return (T) value;
            }
        };
    }
}
