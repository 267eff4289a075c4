package org.vmbhyve.cli;

import org.vmbhyve.datastore.Datastore;

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
