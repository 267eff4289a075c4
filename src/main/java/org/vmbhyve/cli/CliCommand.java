package org.vmbhyve.cli;

import java.util.concurrent.Callable;
import org.vmbhyve.core.VmContext;

/**
 * A command of the tree. The dispatcher fills the options it declares through {@link Getopts},
 * hands it the run's context, and calls it.
 */
abstract class CliCommand implements Callable<Integer> {

    protected Invocation io;
    protected VmContext vm;

    final void bind(Invocation io, VmContext vm) {
        this.io = io;
        this.vm = vm;
    }

    /** Declares the command's options and operands; none by default, and then every word is ignored. */
    void declare(CommandOptions options) {
    }

    /** What a bad option does for this command; most of upstream's loops show help. */
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.HELP;
    }

    /**
     * Whether the command reads {@code system.conf}, acts and writes it back: it then runs with
     * that file locked, so parallel switch or datastore commands never lose each other's edits.
     */
    boolean changesSystemConfig() {
        return false;
    }

    /**
     * Whether this command line, its options and operands filled in, only reads: then users
     * other than root may run it, without the host checks and without anything being written.
     */
    boolean readsOnly() {
        return false;
    }

    /**
     * Whether this command line only shows what it would do ({@code --dry-run}): then nobody
     * needs to be root and no host check runs, so a preview loads and creates nothing.
     */
    boolean previewsOnly() {
        return false;
    }

    /** The help block shown for this command's HELP paths. */
    abstract String helpName();

    protected ShowHelp help() {
        return new ShowHelp(helpName());
    }

    protected void print(String text) {
        io.out().print(text);
    }

    protected void println(String line) {
        io.out().println(line);
    }
}
