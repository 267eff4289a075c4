package org.vmbhyve.host;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code zfs list -H} and {@code zfs get -H}: no header, exactly one TAB between fields
 * (OpenZFS zfs-list(8), zfs-get(8)); a field may hold blanks ({@code creation} is
 * {@code Sat Jan 29 19:30 2022}); {@code -} stands for none; with {@code -p} numbers are exact.
 */
public final class ZfsOutput {

    /** zfs's "none" for a property without a value (no origin, a volume's mount point). */
    public static final String NONE = "-";

    private ZfsOutput() {
    }

    /** The fields of one line, split at each TAB only. */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        int start = 0;
        for (int tab = line.indexOf('\t'); tab >= 0; tab = line.indexOf('\t', start)) {
            fields.add(line.substring(start, tab));
            start = tab + 1;
        }
        fields.add(line.substring(start));
        return fields;
    }

    /** The value of {@code zfs get -Ho value PROP}: null for zfs's {@code -} or no answer. */
    public static String value(List<String> lines) {
        if (lines.isEmpty() || lines.get(0).isEmpty() || lines.get(0).equals(NONE)) {
            return null;
        }
        return lines.get(0);
    }

    /**
     * The number in the value field (the third) of {@code zfs get -Hp PROP DATASET}, as
     * upstream's {@code cut -f3}; null when zfs answered nothing or no exact number.
     */
    public static Long exactValue(List<String> lines) {
        if (lines.isEmpty()) {
            return null;
        }
        List<String> fields = fields(lines.get(0));
        try {
            return fields.size() >= 3 ? Long.parseLong(fields.get(2)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
