package org.vmbhyve.host;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@code route -n get}: {@code KEY: VALUE} lines with the keys right-aligned to 11
 * columns ({@code "  interface: em0"}), then a metrics header and its numbers, which have no
 * colon after the first word (FreeBSD 14/15 captures; sbin/route/route.c print_getmsg()).
 */
public final class RouteOutput {

    private RouteOutput() {
    }

    /** The value of a key ({@code interface}, {@code gateway}, {@code fib}), if the answer has it. */
    public static Optional<String> value(List<String> lines, String key) {
        String start = key + ":";
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith(start)) {
                String value = trimmed.substring(start.length()).strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
