package org.vmbhyve.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

final class DatastoreCommand extends GroupCommand {

    @Override
    String helpName() {
        return "datastore";
    }

    @Override
    Map<String, Supplier<CliCommand>> subcommands() {
        Map<String, Supplier<CliCommand>> subs = new LinkedHashMap<>();
        subs.put("list", DatastoreCommands.List::new);
        subs.put("add", DatastoreCommands.Add::new);
        subs.put("remove", DatastoreCommands.Remove::new);
        subs.put("iso", DatastoreCommands.Iso::new);
        subs.put("img", DatastoreCommands.Img::new);
        return subs;
    }
}
