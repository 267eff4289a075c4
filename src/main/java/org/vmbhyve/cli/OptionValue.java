package org.vmbhyve.cli;

import picocli.CommandLine.Model.ISetter;

/**
 * What the command line gave one option (or several sharing it): whether it was given and the
 * last argument it came with. A flag's argument is its own name, so flags that share a value
 * ({@code migrate -1} and {@code -2}) tell which came last, as upstream's getopts loops do.
 * Commands hold these rather than setter lambdas: on JDK 17 the first lambda a run links costs
 * several milliseconds, and the common commands link none.
 */
final class OptionValue {

    private final String initial;
    private String given;

    /** An option that is absent unless given. */
    OptionValue() {
        this(null);
    }

    /** An option whose argument is {@code initial} unless given. */
    OptionValue(String initial) {
        this.initial = initial;
    }

    /** Whether the command line gave the option. */
    boolean isSet() {
        return given != null;
    }

    /** The last argument given, the flag's name for a flag, or else the initial value. */
    String get() {
        return given == null ? initial : given;
    }

    /**
     * The picocli setter that records what the command line gives: for a flag its name
     * ({@code flagName}), for an option with an argument (a null {@code flagName}) the argument.
     */
    ISetter setter(String flagName) {
        return new Setter(this, flagName);
    }

    /** picocli's setter interface has a generic method, which a lambda could not implement anyway. */
    private static final class Setter implements ISetter {

        private final OptionValue target;
        private final String flagName;

        Setter(OptionValue target, String flagName) {
            this.target = target;
            this.flagName = flagName;
        }

        @Override
        public <T> T set(T value) {
            target.given = flagName != null ? flagName : (String) value;
            return null;
        }
    }
}
