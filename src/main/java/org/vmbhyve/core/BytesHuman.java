package org.vmbhyve.core;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Upstream's {@code info::__bytes_human}: divide by 1024 while the integer part is at least
 * 1024 (each step truncated to three decimals, as {@code bc scale=3} does), then print with
 * {@code printf %.Nf} and a unit letter B, K, M, G or T.
 */
public final class BytesHuman {

    private static final String UNITS = "BKMGT";
    private static final BigDecimal K = BigDecimal.valueOf(1024);

    private BytesHuman() {
    }

    /** Bytes with three decimals, e.g. {@code 20.000G}. */
    public static String format(long bytes) {
        return format(BigDecimal.valueOf(bytes), 3, 0);
    }

    /**
     * @param decimals digits after the point
     * @param unit index of the starting unit in BKMGT (1 when the value is in KiB)
     */
    public static String format(BigDecimal value, int decimals, int unit) {
        BigDecimal v = value;
        while (v.compareTo(K) >= 0 && unit < UNITS.length() - 1) {
            v = v.divide(K, 3, RoundingMode.DOWN);
            unit++;
        }
        // printf rounds the binary double, not the decimal text
        BigDecimal printed = new BigDecimal(v.doubleValue()).setScale(decimals, RoundingMode.HALF_EVEN);
        return printed.toPlainString() + UNITS.charAt(unit);
    }
}
