package org.vmbhyve.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        Pattern assignment = assignmentOf(key);
        for (int i = out.size() - 1; i >= 0; i--) {
            Matcher m = assignment.matcher(out.get(i));
            if (!m.find()) {
                continue;
            }
            String replaced = replaceValue(out.get(i), m.end(), value);
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
        Set<String> current = new LinkedHashSet<>(splitWords(currentValue(lines, key)));
        current.addAll(words.stream().filter(w -> !w.isEmpty()).toList());
        return assign(lines, key, String.join(" ", current));
    }

    /** {@code sysrc key-=words}: drops each listed word from the current value. */
    public static List<String> removeWords(List<String> lines, String key, List<String> words) {
        List<String> kept = new ArrayList<>(splitWords(currentValue(lines, key)));
        kept.removeAll(words);
        return assign(lines, key, String.join(" ", kept));
    }

    /** {@code sysrc -x key}: removes every assignment; returns null when there was none. */
    public static List<String> delete(List<String> lines, String key) {
        Pattern assignment = assignmentOf(key);
        List<String> out = new ArrayList<>();
        boolean found = false;
        for (String line : lines) {
            if (assignment.matcher(line).find()) {
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
        Pattern assignment = assignmentOf(key);
        for (int i = lines.size() - 1; i >= 0; i--) {
            Matcher m = assignment.matcher(lines.get(i));
            if (m.find()) {
                return ShellWord.read(lines.get(i).substring(m.end()));
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

    private static Pattern assignmentOf(String key) {
        return Pattern.compile("^[ \\t\\f\\x0B]*" + Pattern.quote(key) + "=");
    }

    private static List<String> splitWords(String value) {
        List<String> words = new ArrayList<>();
        for (String w : value.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
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
