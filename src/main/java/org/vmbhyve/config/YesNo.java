package org.vmbhyve.config;

import java.util.Locale;

/** The two boolean readings upstream uses. */
public final class YesNo {

    private YesNo() {
    }

    /** {@code util::yesno}: empty is false, no/false/off/0 (any case) are false, all else true. */
    public static boolean isTrue(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "no", "false", "off", "0" -> false;
            default -> true;
        };
    }

    /** The strict rc.subr reading ({@code checkyesno}), used only for {@code vm_enable}. */
    public enum Strict { YES, NO, INVALID }

    public static Strict checkyesno(String value) {
        if (value == null) {
            return Strict.INVALID;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> Strict.YES;
            case "no", "false", "off", "0" -> Strict.NO;
            default -> Strict.INVALID;
        };
    }
}
