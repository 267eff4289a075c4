package org.vmbhyve.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A config file on disk that we change in place, keeping every other line and comment, and
 * always through an atomic replace so a crash never leaves a half-written config.
 */
public final class ConfigFile {

    private final Path path;

    public ConfigFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public ConfigValues values() {
        return ConfigValues.load(path);
    }

    public void set(String key, String value) throws IOException {
        edit(lines -> SysrcEdit.assign(lines, key, value));
    }

    public void appendWords(String key, List<String> words) throws IOException {
        edit(lines -> SysrcEdit.appendWords(lines, key, words));
    }

    public void removeWords(String key, List<String> words) throws IOException {
        edit(lines -> SysrcEdit.removeWords(lines, key, words));
    }

    /** Removes every assignment of key; false when the file had none. */
    public boolean delete(String key) throws IOException {
        List<String> lines = readLines();
        List<String> edited = SysrcEdit.delete(lines, key);
        if (edited == null) {
            return false;
        }
        write(edited);
        return true;
    }

    /** The raw value of the last assignment, as sysrc reports it. */
    public String sysrcValue(String key) {
        try {
            return SysrcEdit.currentValue(readLines(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void edit(UnaryOperator<List<String>> change) throws IOException {
        write(change.apply(readLines()));
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
