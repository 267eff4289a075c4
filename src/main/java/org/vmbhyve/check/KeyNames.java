package org.vmbhyve.check;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vmbhyve.config.GuestKey;

/** The known setting nearest to an unknown one, for "did you mean" hints. */
final class KeyNames {

    private static final Pattern NUMBER = Pattern.compile("[0-9]+");

    private KeyNames() {
    }

    /** The nearest known key within a few typing mistakes; numbered keys keep the unknown key's number. */
    static Optional<String> nearest(String unknown) {
        Matcher m = NUMBER.matcher(unknown);
        int number = m.find() && m.group().length() < 4 ? Integer.parseInt(m.group()) : 0;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (GuestKey key : GuestKey.values()) {
            if (key.preferred().isPresent()) {
                continue;
            }
            String candidate = key.numbered() ? key.at(number) : key.key();
            int distance = distance(unknown, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= Math.max(2, unknown.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
