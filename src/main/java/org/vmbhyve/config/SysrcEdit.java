package org.vmbhyve.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Edits a config file's lines the way {@code sysrc -f FILE} does, which is how upstream writes
 * every guest config and {@code system.conf}: an assignment replaces only the value of the
 * <em>last</em> {@code key=} line (keeping its quote style and any trailing comment), a new key
 * is appended as {@code key="value"}, and deleting removes every assignment of the key. All
 * other lines stay byte for byte.
 */
public final class SysrcEdit {

    private SysrcEdit() {
    }

    /** {@code sysrc key=value}. */
    public static List<String> assign(List<String> lines, String key, String value) {
        checkValue(value);
        List<String> out = new ArrayList<>(lines);
        for (int i = out.size() - 1; i >= 0; i--) {
            int valueStart = valueStart(out.get(i), key);
            if (valueStart < 0) {
                continue;
            }
            String replaced = replaceValue(out.get(i), valueStart, value);
            if (replaced != null) {
                out.set(i, replaced);
                return out;
            }
            break; // an expression sysrc did not write: leave it and append, as sysrc does
        }
        out.add(key + "=\"" + value + "\"");
        return out;
    }

    /** {@code sysrc key+=words}: adds each word not already in the current value. */
    public static List<String> appendWords(List<String> lines, String key, List<String> words) {
        Set<String> current = new LinkedHashSet<>(Chars.words(currentValue(lines, key)));
        for (String word : words) {
            if (!word.isEmpty()) {
                current.add(word);
            }
        }
        return assign(lines, key, String.join(" ", current));
    }

    /** {@code sysrc key-=words}: drops each listed word from the current value. */
    public static List<String> removeWords(List<String> lines, String key, List<String> words) {
        List<String> kept = new ArrayList<>(Chars.words(currentValue(lines, key)));
        kept.removeAll(words);
        return assign(lines, key, String.join(" ", kept));
    }

    /** {@code sysrc -x key}: removes every assignment; returns null when there was none. */
    public static List<String> delete(List<String> lines, String key) {
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String line : lines) {
            if (valueStart(line, key) >= 0) {
                found = true;
            } else {
                out.add(line);
            }
        }
        return found ? out : null;
    }

    /**
     * The value the last assignment gives the key, read as sh would for the simple quoted or
     * bare forms sysrc writes; "" when unset.
     */
    public static String currentValue(List<String> lines, String key) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            int valueStart = valueStart(lines.get(i), key);
            if (valueStart >= 0) {
                return ShellWord.read(lines.get(i).substring(valueStart));
            }
        }
        return "";
    }

    /** Values are stored inside double quotes: a quote or newline in one would corrupt the file. */
    public static void checkValue(String value) {
        if (value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("value contains a double quote or newline");
        }
    }

    /**
     * Where the value starts when the line assigns the key ({@code ^[ \\t\\f\\x0B]*KEY=}, as
     * sysrc matches), else -1.
     */
    static int valueStart(String line, String key) {
        int i = 0;
        while (i < line.length() && " \t\f\u000B".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        if (!line.startsWith(key, i) || !line.startsWith("=", i + key.length())) {
            return -1;
        }
        return i + key.length() + 1;
    }

    /** sysrc's value substitution for one line; null when the value is an expression. */
    private static String replaceValue(String line, int valueStart, String value) {
        String prefix = line.substring(0, valueStart);
        String rest = line.substring(valueStart);
        if (rest.isEmpty()) {
            return prefix + "\"" + value + "\"";
        }
        char first = rest.charAt(0);
        if (first == '`' || first == '$' || first == '\\') {
            return null;
        }
        if (first == '\'' || first == '"') {
            int close = closingQuote(rest, first);
            if (close < 0) {
                return prefix + first + value;
            }
            return prefix + first + value + first + rest.substring(close + 1);
        }
        if (Character.isWhitespace(first) || first == ';') {
            return prefix + "\"" + value + "\"" + rest;
        }
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        return prefix + "\"" + value + "\"" + rest.substring(end);
    }

    private static int closingQuote(String rest, char quote) {
        for (int i = 1; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == '"' && c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }
}
