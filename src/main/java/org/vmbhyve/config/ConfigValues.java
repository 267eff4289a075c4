package org.vmbhyve.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a guest config, template or {@code system.conf}, read the way upstream reads
 * them: only lines starting with a lower-case letter count, everything from the first {@code #}
 * is dropped (even inside quotes), trailing spaces go, every double quote is deleted, and the
 * first line for a key wins. Values are data: nothing is ever evaluated.
 */
public final class ConfigValues {

    private record Entry(String key, String value) {
    }

    private static final ConfigValues EMPTY = new ConfigValues(List.of());

    private final List<Entry> entries;

    private ConfigValues(List<Entry> entries) {
        this.entries = entries;
    }

    public static ConfigValues empty() {
        return EMPTY;
    }

    public static ConfigValues parse(String text) {
        List<Entry> entries = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty() || line.charAt(0) < 'a' || line.charAt(0) > 'z') {
                continue;
            }
            int hash = line.indexOf('#');
            String kept = hash < 0 ? line : line.substring(0, hash);
            int end = kept.length();
            while (end > 0 && kept.charAt(end - 1) == ' ') {
                end--;
            }
            kept = kept.substring(0, end).replace("\"", "");
            int eq = kept.indexOf('=');
            // a line without '=' reads back as key and value both (upstream's ${line%%=*} / ${line#*=})
            entries.add(eq < 0 ? new Entry(kept, kept) : new Entry(kept.substring(0, eq), kept.substring(eq + 1)));
        }
        return new ConfigValues(List.copyOf(entries));
    }

    /** The settings as {@code key=value} lines, which {@link #parse} reads back as these same settings. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.key()).append('=').append(entry.value()).append('\n');
        }
        return text.toString();
    }

    /** Reads a file; a missing or unreadable file reads as empty, as upstream's grep does. */
    public static ConfigValues load(Path file) {
        try {
            return parse(TextFile.read(file));
        } catch (IOException e) {
            return EMPTY;
        }
    }

    /** A copy in which the key reads as the given value, whatever the file says. */
    public ConfigValues with(String key, String value) {
        List<Entry> copy = new ArrayList<>();
        copy.add(new Entry(key, value));
        copy.addAll(entries);
        return new ConfigValues(List.copyOf(copy));
    }

    /** The first value set for the key; an empty value counts as set. */
    public Optional<String> get(String key) {
        for (Entry entry : entries) {
            if (entry.key.equals(key)) {
                return Optional.of(entry.value);
            }
        }
        return Optional.empty();
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** The value, or "" when unset: what upstream's shell sees for an unset key. */
    public String value(String key) {
        return get(key, "");
    }

    /** A setting of the guest key table; see {@link GuestKey#key()}. */
    public Optional<String> get(GuestKey key) {
        return get(key.key());
    }

    public String get(GuestKey key, String fallback) {
        return get(key.key(), fallback);
    }

    public String value(GuestKey key) {
        return value(key.key());
    }

    public boolean yesno(GuestKey key) {
        return yesno(key.key());
    }

    public boolean yesno(GuestKey key, String fallback) {
        return yesno(key.key(), fallback);
    }

    /** Every key the file sets, in file order, each once. */
    public java.util.List<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (Entry entry : entries) {
            keys.add(entry.key());
        }
        return List.copyOf(keys);
    }

    /** Upstream's {@code config::yesno}: true unless empty or one of no/false/off/0. */
    public boolean yesno(String key, String fallback) {
        return YesNo.isTrue(get(key, fallback));
    }

    public boolean yesno(String key) {
        return yesno(key, "");
    }
}
