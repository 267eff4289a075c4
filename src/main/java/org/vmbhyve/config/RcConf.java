package org.vmbhyve.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rc.conf settings that drive {@code vm} ({@code vm_enable}, {@code vm_dir}, {@code vm_list},
 * {@code vm_delay}, {@code vm_disable_host_checks}). Files are read in order and later files win,
 * as rc.subr's {@code load_rc_config} does; assignments are parsed, never evaluated.
 */
public final class RcConf {

    /** rc.subr's search list for {@code load_rc_config vm}. */
    public static final List<String> DEFAULT_FILES = List.of(
            "/etc/rc.conf", "/etc/rc.conf.local", "/etc/rc.conf.d/vm", "/usr/local/etc/rc.conf.d/vm");

    private final Map<String, String> values;
    /** The file each variable was last assigned in; absent for parsed text. */
    private final Map<String, Path> origins;

    private RcConf(Map<String, String> values, Map<String, Path> origins) {
        this.values = values;
        this.origins = origins;
    }

    /**
     * Loads the files named by {@code VM_RC_CONF} (colon-separated) when set, else the default
     * list. Missing files are skipped.
     */
    public static RcConf load(Map<String, String> env) {
        String override = env.get("VM_RC_CONF");
        List<Path> files = new ArrayList<>();
        if (override != null && !override.isEmpty()) {
            for (String f : override.split(":")) {
                if (!f.isEmpty()) {
                    files.add(Path.of(f));
                }
            }
        } else {
            for (String file : DEFAULT_FILES) {
                files.add(Path.of(file));
            }
        }
        Map<String, String> values = new HashMap<>();
        Map<String, Path> origins = new HashMap<>();
        for (Path file : files) {
            try {
                parseInto(TextFile.read(file), file, values, origins);
            } catch (IOException e) {
                // an absent or unreadable rc file contributes nothing, as with rc.subr
            }
        }
        return new RcConf(values, origins);
    }

    public static RcConf parse(String text) {
        Map<String, String> values = new HashMap<>();
        parseInto(text, null, values, new HashMap<>());
        return new RcConf(values, Map.of());
    }

    private static void parseInto(String text, Path file, Map<String, String> values, Map<String, Path> origins) {
        for (String line : text.split("\n")) {
            String name = assign(line, values);
            if (name != null && file != null) {
                origins.put(name, file);
            }
        }
    }

    /**
     * A line {@code NAME=VALUE}, blanks allowed before the name: a whole match of
     * {@code \s*([A-Za-z_][A-Za-z0-9_]*)=(.*)}, so the value holds no line terminator.
     *
     * @return the name assigned, or null when the line assigns nothing
     */
    private static String assign(String line, Map<String, String> values) {
        int start = 0;
        while (start < line.length() && Chars.isSpace(line.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < line.length() && (line.charAt(end) == '_' || Chars.isAlnum(line.charAt(end)))) {
            end++;
        }
        if (end == start || Chars.isDigit(line.charAt(start)) || end == line.length() || line.charAt(end) != '=') {
            return null;
        }
        String value = line.substring(end + 1);
        for (int i = 0; i < value.length(); i++) {
            if (Chars.isLineTerminator(value.charAt(i))) {
                return null;
            }
        }
        String name = line.substring(start, end);
        values.put(name, ShellWord.read(value));
        return name;
    }

    /** The value, or empty when the variable is unset. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The file whose assignment of the variable is in effect (the last one read that sets it). */
    public Optional<Path> origin(String name) {
        return Optional.ofNullable(origins.get(name));
    }
}
