package org.vmbhyve.host;

import java.util.List;

/**
 * Reads {@code sysctl NAME...}: {@code NAME: VALUE} per OID, a value that goes on over the
 * following lines (kern.version, kern.conftxt) kept whole; with {@code -n} the values alone.
 */
public final class SysctlOutput {

    private SysctlOutput() {
    }

    /** The value of NAME, its continuation lines joined with newlines; null when it is not listed. */
    public static String value(List<String> lines, String name) {
        String start = name + ": ";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                StringBuilder value = new StringBuilder(lines.get(i).substring(start.length()));
                for (int j = i + 1; j < lines.size() && !isOid(lines.get(j)); j++) {
                    value.append('\n').append(lines.get(j));
                }
                return value.toString();
            }
        }
        return null;
    }

    /** Whether a line starts a new OID: {@code a.b: ...} with no blank before the colon. */
    private static boolean isOid(String line) {
        int colon = line.indexOf(": ");
        return colon > 0 && line.indexOf(' ') > colon && line.indexOf('.') > 0 && line.indexOf('.') < colon;
    }
}
