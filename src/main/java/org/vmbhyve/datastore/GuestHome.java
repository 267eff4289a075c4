package org.vmbhyve.datastore;

import java.nio.file.Path;

/** Where a guest lives: its datastore and its directory {@code <store path>/<name>}. */
public record GuestHome(String name, Datastore datastore, Path dir) {

    public Path configPath() {
        return dir.resolve(name + ".conf");
    }

    public Path file(String fileName) {
        return dir.resolve(fileName);
    }
}
