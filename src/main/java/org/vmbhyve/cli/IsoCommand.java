package org.vmbhyve.cli;

import org.vmbhyve.datastore.Datastore;
import picocli.CommandLine.Command;

@Command(name = "iso", description = "List stored ISO files, or download one")
final class IsoCommand extends MediaCommand {

    @Override
    Datastore.Kind kind() {
        return Datastore.Kind.ISO;
    }

    @Override
    String helpName() {
        return "iso";
    }
}
