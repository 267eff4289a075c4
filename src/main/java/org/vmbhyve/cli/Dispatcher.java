package org.vmbhyve.cli;

import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.LockTimeout;
import org.vmbhyve.core.CommandAccess;
import org.vmbhyve.error.QuietExit;
import org.vmbhyve.core.Startup;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;

/**
 * Runs one {@code vm} command line the way upstream's {@code vm} script does: informational
 * words first (no privileges needed), then the start-up checks (which a command that only reads
 * passes as any user), then the command. Every way out ends here, with upstream's message and
 * exit status.
 */
public final class Dispatcher {

    private final Invocation io;

    public Dispatcher(Invocation io) {
        this.io = io;
    }

    public int run(List<String> args) {
        TerminalUi ui = new TerminalUi(io);
        try {
            return dispatch(args, ui);
        } catch (ShowHelp help) {
            return showHelp(help.command());
        } catch (ShowUsage usage) {
            return usage();
        } catch (VmException e) {
            if (!e.toolMessage().isEmpty()) {
                io.out().flush();
                io.err().println(e.toolMessage());
            }
            return error(e.getMessage(), e.status());
        } catch (LockTimeout e) {
            return error(e.getMessage(), 1);
        } catch (QuietExit e) {
            return e.status();
        } catch (Exception e) {
            return error(e.toString(), 1);
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    /** Upstream's {@code util::err}: what was printed so far first, then the error line. */
    private int error(String message, int status) {
        io.out().flush();
        io.err().println(io.argv0() + ": ERROR: " + message);
        return status;
    }

    private int dispatch(List<String> args, TerminalUi ui) throws Exception {
        String word = args.isEmpty() ? "" : args.get(0);
        if (word.equals("_complete")) {
            return complete(args.subList(1, args.size()), ui);
        }
        if (word.equals("_train")) {
            return Training.run(io);
        }
        if (word.equals("_run-step")) {
            VmContext vm = new Startup(io.env(), io.runner(), io.host(), ui)
                    .boot(io.paths(), io.clock(), io.random(), io.workingDir(), CommandAccess.CHANGES);
            return RunStepCommand.run(args.subList(1, args.size()), vm);
        }
        Optional<String> command = CommandMatcher.find(word, CommandTree.names());
        if (args.size() > 1 && (args.get(1).equals("-h") || args.get(1).equals("--help"))) {
            return showHelp(command.orElse(""));
        }
        if (command.isPresent()) {
            switch (command.get()) {
                case "version" -> {
                    io.out().println(HelpText.VERSION);
                    return 0;
                }
                case "usage" -> {
                    return usage();
                }
                case "help" -> {
                    return args.size() < 2 || args.get(1).isEmpty() ? usage() : showHelp(args.get(1));
                }
                case "completion" -> {
                    return completion(args.size() < 2 ? "" : args.get(1));
                }
                case "doctor" -> {
                    // before the start-up checks, whose refusals it reports; any user, changes nothing
                    return CommandRunner.run(new DoctorCommand(), args.subList(1, args.size()), io, null);
                }
                default -> {
                }
            }
        }

        List<String> rest = args.subList(Math.min(1, args.size()), args.size());
        CommandAccess access = command.isPresent()
                ? CommandRunner.access(CommandTree.create(command.get()), rest) : CommandAccess.CHANGES;
        VmContext vm = new Startup(io.env(), io.runner(), io.host(), ui)
                .boot(io.paths(), io.clock(), io.random(), io.workingDir(), access);
        if (command.isEmpty()) {
            return usage();
        }
        return CommandRunner.run(CommandTree.create(command.get()), rest, io, vm);
    }

    /** {@code vm completion bash|zsh}: the script, which calls back {@code vm _complete}. */
    private int completion(String shell) {
        if (shell.isEmpty()) {
            return showHelp("completion");
        }
        if (!shell.equals("bash") && !shell.equals("zsh")) {
            throw new VmException("unsupported shell - '" + shell + "' (bash or zsh)");
        }
        io.out().print(HelpText.completionScript(shell));
        return 0;
    }

    /**
     * {@code vm _complete INDEX WORD...}: one candidate per line for the word at INDEX. Quiet
     * and side-effect free: no start-up checks, no errors printed.
     */
    private int complete(List<String> args, TerminalUi ui) {
        if (args.isEmpty()) {
            return 1;
        }
        int index;
        try {
            index = Integer.parseInt(args.get(0));
        } catch (NumberFormatException e) {
            return 1;
        }
        var vm = new Startup(io.env(), io.runner(), io.host(), ui)
                .readOnly(io.paths(), io.clock(), io.random(), io.workingDir());
        for (String candidate : new Completer(vm).candidates(args.subList(1, args.size()), index)) {
            io.out().println(candidate);
        }
        return 0;
    }

    /** {@code help::show}: the block of a command, or the overview for words that have none. */
    private int showHelp(String word) {
        Optional<String> command = CommandMatcher.find(word, CommandTree.names());
        if (command.isEmpty() || List.of("usage", "version", "init").contains(command.get())) {
            return usage();
        }
        io.out().print(HelpText.block(command.get()));
        return 0;
    }

    private int usage() {
        io.out().print(HelpText.usage());
        return 1;
    }
}
