package org.vmbhyve.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code $vm_dir/.config/system.conf}: switches, datastores and the few global settings.
 * Reads go through the upstream parser; writes through sysrc-style in-place edits.
 */
public final class SystemConfig {

    /** The global settings a user may change with {@code vm set}, in {@code vm get all} order. */
    public static final List<String> USER_SETTINGS = List.of("console", "compress", "decompress", "suspend");

    private final ConfigFile file;
    private ConfigValues values;

    public SystemConfig(Path file) {
        this.file = new ConfigFile(file);
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

    private void ensureExists() throws IOException {
        if (!Files.exists(file.path())) {
            Files.createFile(file.path());
        }
    }

    private void reload() {
        values = file.values();
    }
}
