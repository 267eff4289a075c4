package org.vmbhyve.core;

/**
 * What core services may say to the user while they work. Core never prints; the cli layer
 * implements this on top of stdout, stderr and the terminal.
 */
public interface Ui {

    /** A line of progress output on stdout (e.g. {@code Starting web1}). */
    void say(String line);

    /** {@code vm: WARNING: <message>} on stderr; the command goes on. */
    void warn(String message);

    /**
     * Asks {@code <question> (y/n)? } and returns the answer. Only answers starting with a
     * lower-case y or n count; end of input counts as no.
     */
    boolean confirm(String question);

    /** Says nothing and declines every question: for checks upstream runs with output discarded. */
    Ui SILENT = new Ui() {
        @Override
        public void say(String line) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public boolean confirm(String question) {
            return false;
        }
    };
}
