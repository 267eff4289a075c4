package org.vmbhyve.cli;

import java.util.List;

final class DatastoreCommand extends GroupCommand {

    @Override
    String helpName() {
        return "datastore";
    }

    @Override
    List<String> subwords() {
        return List.of("list", "add", "remove", "iso", "img");
    }

    @Override
    CliCommand subcommand(String word) {
        return switch (word) {
            case "list" -> new DatastoreCommands.List();
            case "add" -> new DatastoreCommands.Add();
            case "remove" -> new DatastoreCommands.Remove();
            case "iso" -> new DatastoreCommands.Iso();
            case "img" -> new DatastoreCommands.Img();
            default -> throw new IllegalArgumentException(word);
        };
    }
}
