package org.vmbhyve.cli;

import java.io.IOException;
import org.vmbhyve.core.Ui;

/** The {@link Ui} of a command run from a shell: stdout, stderr and the terminal. */
final class TerminalUi implements Ui {

    private final Invocation io;

    TerminalUi(Invocation io) {
        this.io = io;
    }

    @Override
    public void say(String line) {
        io.out().println(line);
        io.out().flush();
    }

    @Override
    public void warn(String message) {
        io.out().flush();
        io.err().println(io.argv0() + ": WARNING: " + message);
        io.err().flush();
    }

    @Override
    public boolean confirm(String question) {
        io.out().flush();
        while (true) {
            if (io.interactive()) {
                io.err().print(question + " (y/n)? ");
                io.err().flush();
            }
            String answer;
            try {
                answer = io.in().readLine();
            } catch (IOException e) {
                return false;
            }
            if (answer == null) {
                return false; // end of input is a no: `vm destroy g </dev/null` must not destroy
            }
            if (answer.startsWith("y")) {
                return true;
            }
            if (answer.startsWith("n")) {
                return false;
            }
        }
    }
}
