package org.vmbhyve.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** DryRun's and BhyveCommandBuilder's hand-written matchers against the patterns they replaced. */
class PlainWordsTest {

    @Test
    void plainWordsAndIsoNamesAsThePatterns() {
        Pattern plain = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
        Pattern iso = Pattern.compile("(?i).*\\.iso$");
        String alphabet = "aZ09_@%+=:,./- '\"$\n\r\u0085\u2028\u0131IiSsOo";
        for (String s : words(alphabet, 5)) {
            assertEquals(plain.matcher(s).matches(), DryRun.isPlain(s), s);
            assertEquals(iso.matcher(s).matches(), DeviceWords.isIsoFile(s), s);
        }
        for (String s : List.of("x.iso", "/a/b/FreeBSD.ISO", "x.IsO", "iso", ".iso", "x.iso\n", "x\n.iso", "x.\u0131so")) {
            assertEquals(iso.matcher(s).matches(), DeviceWords.isIsoFile(s), s);
        }
    }

    /** Strings of up to MAX characters of ALPHABET, drawn with a fixed seed. */
    private static List<String> words(String alphabet, int max) {
        Random random = new Random(3);
        List<String> words = new ArrayList<>(List.of(""));
        for (int i = 0; i < 30000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(max + 1); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            words.add(s.toString());
        }
        return words;
    }
}
