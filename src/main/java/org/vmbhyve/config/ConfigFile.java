package org.vmbhyve.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A config file on disk that we change in place, keeping every other line and comment, and
 * always through an atomic replace so a crash never leaves a half-written config. A shared file
 * (a guest's config, {@code system.conf}) has a lock: each change takes it, re-reads the file
 * and writes it back before letting go, so two commands never lose each other's edits.
 */
public final class ConfigFile {

    /** Where the lock of a shared config file lives: a region of a lock file. */
    public record Lock(Path file, long region) {
    }

    private final Path path;
    private final Lock lock;

    /** A file no other command writes: one being built, or a copy of our own. */
    public ConfigFile(Path path) {
        this(path, null);
    }

    public ConfigFile(Path path, Lock lock) {
        this.path = path;
        this.lock = lock;
    }

    public Path path() {
        return path;
    }

    public ConfigValues values() {
        return ConfigValues.load(path);
    }

    // The single edits below spell out update's steps rather than pass it a lambda: vm start
    // and vm create make them, and on JDK 17 a run's first lambda costs milliseconds.

    public void set(String key, String value) throws IOException {
        try (LockFile.Hold hold = hold()) {
            ConfigEdit edit = new ConfigEdit(readLines());
            edit.set(key, value);
            save(edit);
        }
    }

    public void appendWords(String key, List<String> words) throws IOException {
        try (LockFile.Hold hold = hold()) {
            ConfigEdit edit = new ConfigEdit(readLines());
            edit.appendWords(key, words);
            save(edit);
        }
    }

    public void removeWords(String key, List<String> words) throws IOException {
        try (LockFile.Hold hold = hold()) {
            ConfigEdit edit = new ConfigEdit(readLines());
            edit.removeWords(key, words);
            save(edit);
        }
    }

    /** Removes every assignment of key; false when the file had none. */
    public boolean delete(String key) throws IOException {
        try (LockFile.Hold hold = hold()) {
            ConfigEdit edit = new ConfigEdit(readLines());
            boolean found = edit.delete(key);
            save(edit);
            return found;
        }
    }

    /**
     * Under the file's lock: reads the file as it is now, applies the edits and, when they
     * changed anything, writes it back in one atomic step.
     */
    public void update(Consumer<ConfigEdit> change) throws IOException {
        try (LockFile.Hold hold = hold()) {
            ConfigEdit edit = new ConfigEdit(readLines());
            change.accept(edit);
            save(edit);
        }
    }

    /** Writes the edited lines back, when the edits changed anything (under the file's lock). */
    private void save(ConfigEdit edit) throws IOException {
        if (!edit.changed()) {
            return;
        }
        if (lock != null) {
            AtomicFile.removeLeftovers(path);
        }
        write(edit.lines());
    }

    /**
     * Takes the file's lock for a command that checks the file, acts on the host and then edits
     * it, so no other command changes it in between. Edits made while it is held re-read the
     * file and write at once, as always.
     */
    public LockFile.Hold lock() {
        if (lock == null) {
            throw new IllegalStateException(path + " has no lock");
        }
        return hold();
    }

    /** The raw value of the last assignment, as sysrc reports it. */
    public String sysrcValue(String key) {
        try {
            return SysrcEdit.currentValue(readLines(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lock, or null for a file nobody else writes. */
    private LockFile.Hold hold() {
        if (lock == null) {
            return null;
        }
        Optional<LockFile.Hold> hold = LockFile.of(lock.file()).acquire(lock.region(), LockFile.WAIT);
        if (hold.isEmpty()) {
            throw new LockTimeout(path);
        }
        return hold.get();
    }

    private List<String> readLines() throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return new ArrayList<>();
        }
        // a missing final newline is mended, as upstream does before each write
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return new ArrayList<>(List.of(body.split("\n", -1)));
    }

    private void write(List<String> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        AtomicFile.write(path, text.toString());
    }
}
