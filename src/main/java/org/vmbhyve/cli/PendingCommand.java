package org.vmbhyve.cli;

import java.util.ArrayList;
import java.util.List;
import org.vmbhyve.core.VmException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A command upstream has that this version does not do yet. It fails loudly rather than
 * pretending: scripts see exit 1 and the reason.
 */
@Command(hidden = true)
final class PendingCommand extends CliCommand {

    private final String name;

    @Parameters
    List<String> args = new ArrayList<>();

    PendingCommand(String name) {
        this.name = name;
    }

    @Override
    Getopts.OnBadOption onBadOption() {
        return Getopts.OnBadOption.IGNORE;
    }

    @Override
    String helpName() {
        return name;
    }

    @Override
    public Integer call() {
        throw new VmException("'" + name + "' is not implemented in this version yet");
    }
}
