package org.vmbhyve.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code $vm_dir/.config/system.conf}: switches, datastores and the few global settings.
 * Reads go through the upstream parser; writes through sysrc-style in-place edits, each under
 * the file's lock.
 */
public final class SystemConfig {

    /** The global settings a user may change with {@code vm set}, in {@code vm get all} order. */
    public static final List<String> USER_SETTINGS = List.of("console", "compress", "decompress", "suspend");

    private final ConfigFile file;
    private ConfigValues values;

    /** @param lockFile the lock file whose first region guards this file */
    public SystemConfig(Path file, Path lockFile) {
        this.file = new ConfigFile(file, new ConfigFile.Lock(lockFile, 0));
        this.values = ConfigValues.load(file);
    }

    /** {@code $vm_dir/.config}: where vm keeps its own host-wide files. */
    public Path directory() {
        return file.path().getParent();
    }

    public ConfigValues values() {
        return values;
    }

    public String get(String key, String fallback) {
        return values.get(key, fallback);
    }

    public String value(String key) {
        return values.value(key);
    }

    public void set(String key, String value) throws IOException {
        ensureExists();
        file.set(key, value);
        reload();
    }

    public void appendWords(String key, List<String> words) throws IOException {
        ensureExists();
        file.appendWords(key, words);
        reload();
    }

    public void removeWords(String key, List<String> words) throws IOException {
        ensureExists();
        file.removeWords(key, words);
        reload();
    }

    public boolean delete(String key) throws IOException {
        ensureExists();
        boolean found = file.delete(key);
        reload();
        return found;
    }

    /** Several edits written together: all of them land, or none. */
    public void update(Consumer<ConfigEdit> change) throws IOException {
        ensureExists();
        file.update(change);
        reload();
    }

    /** The file's text, or null when there is none: what {@link #restore} puts back. */
    public String text() throws IOException {
        return Files.exists(file.path()) ? Files.readString(file.path()) : null;
    }

    /** Puts back the text {@link #text} returned, after a command that failed halfway. */
    public void restore(String text) throws IOException {
        try (LockFile.Hold hold = file.lock()) {
            if (text == null) {
                Files.deleteIfExists(file.path());
            } else {
                AtomicFile.write(file.path(), text);
            }
        }
        reload();
    }

    /**
     * Locks the file for a command that reads the settings, changes the host and then writes
     * the settings (a switch or datastore command), and re-reads it: two such commands never act
     * on the same stale view.
     */
    public LockFile.Hold lock() {
        LockFile.Hold hold = file.lock();
        reload();
        return hold;
    }

    private void ensureExists() throws IOException {
        if (!Files.exists(file.path())) {
            try {
                FileMode.PUBLIC_FILE.apply(Files.createFile(file.path()));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another command made it first
            }
        }
    }

    private void reload() {
        values = file.values();
    }
}
