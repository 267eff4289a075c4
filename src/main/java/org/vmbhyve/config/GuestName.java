package org.vmbhyve.config;


/**
 * Upstream's name rule ({@code util::check_name}) for guests, switches, datastores and tags:
 * 2 to 231 characters of ASCII letters, digits, {@code . _ -}, starting and ending with a
 * letter or digit. The whole string is checked (upstream's line-wise grep let a newline in).
 */
public final class GuestName {

    private GuestName() {
    }

    /** {@code [a-zA-Z0-9][.a-zA-Z0-9_-]{0,229}[a-zA-Z0-9]}. */
    public static boolean isValid(String name) {
        if (name == null || name.length() < 2 || name.length() > 231
                || !Chars.isAlnum(name.charAt(0)) || !Chars.isAlnum(name.charAt(name.length() - 1))) {
            return false;
        }
        for (int i = 1; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            if (!Chars.isAlnum(c) && c != '.' && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a name given for an existing guest can be looked up without leaving the
     * datastore: one path segment, not {@code .} or {@code ..}.
     */
    public static boolean isPathSafe(String name) {
        return name != null && !name.isEmpty() && !name.equals(".") && !name.equals("..")
                && name.indexOf('/') < 0 && name.indexOf('\0') < 0 && name.indexOf('\n') < 0;
    }
}
