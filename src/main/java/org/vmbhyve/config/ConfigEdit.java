package org.vmbhyve.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a config file being changed: sysrc-style edits applied in memory, written back
 * by {@link ConfigFile#update} in one atomic replace, so a command that sets several keys leaves
 * either all of them or none.
 */
public final class ConfigEdit {

    private final List<String> original;
    private List<String> lines;

    ConfigEdit(List<String> lines) {
        this.original = lines;
        this.lines = new ArrayList<>(lines);
    }

    /** The settings as they stand with the edits so far, read the way upstream reads them. */
    public ConfigValues values() {
        return ConfigValues.parse(String.join("\n", lines));
    }

    public void set(String key, String value) {
        lines = SysrcEdit.assign(lines, key, value);
    }

    public void appendWords(String key, List<String> words) {
        lines = SysrcEdit.appendWords(lines, key, words);
    }

    public void removeWords(String key, List<String> words) {
        lines = SysrcEdit.removeWords(lines, key, words);
    }

    /** Removes every assignment of key; false when there was none. */
    public boolean delete(String key) {
        List<String> edited = SysrcEdit.delete(lines, key);
        if (edited == null) {
            return false;
        }
        lines = edited;
        return true;
    }

    List<String> lines() {
        return lines;
    }

    /** Whether the edits so far changed any line. */
    boolean changed() {
        return !lines.equals(original);
    }
}
