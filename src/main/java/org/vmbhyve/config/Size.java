package org.vmbhyve.config;

import java.util.Locale;
import java.util.Optional;

/**
 * A size as bhyve's {@code -m} and {@code truncate -s} read it: digits with an optional
 * K, M, G or T suffix in either case. What a bare number means differs by tool, so the
 * caller names the unit of a bare number.
 */
public final class Size {

    private Size() {
    }

    /**
     * {@code ([0-9]{1,15})([KMGTkmgt]?)}.
     *
     * @param bareUnit the multiplier of a number without suffix (bhyve's memory: MiB)
     */
    public static Optional<Long> bytes(String text, long bareUnit) {
        int end = text.length();
        if (end > 0 && "KMGTkmgt".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        String digits = text.substring(0, end);
        String suffix = text.substring(end);
        if (digits.length() > 15 || !Chars.isDigits(digits)) {
            return Optional.empty();
        }
        long number = Long.parseLong(digits);
        long unit = switch (suffix.toUpperCase(Locale.ROOT)) {
            case "K" -> 1L << 10;
            case "M" -> 1L << 20;
            case "G" -> 1L << 30;
            case "T" -> 1L << 40;
            default -> bareUnit;
        };
        try {
            return Optional.of(Math.multiplyExact(number, unit));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** Guest memory in bytes; a bare number is MiB, as bhyve takes it. */
    public static Optional<Long> memory(String text) {
        return bytes(text, 1L << 20);
    }
}
