package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written matchers of the start-up path ({@link Chars} and its users) against the
 * regular expressions they replaced, on every string of a generated corpus: awkward characters
 * (every blank, line terminators, non-ASCII letters and digits, control characters) in every
 * position.
 */
class RegexFreeTest {

    private static final String ALPHABET = "aZz09_-.=# \t\n\r\u000B\f\u0085\u2028\u0001kKGgTtMmIiSsOo\u0131\u0663'/@";

    /** Strings of length 0 to 7 over the alphabet, drawn with a fixed seed, plus some whole words. */
    private static List<String> corpus() {
        Random random = new Random(11);
        List<String> corpus = new ArrayList<>(List.of("", "1G", "512M", "0", "007", "1234567890123456", "123456789012345T",
                "web", "a", "ab", "web-01.example", "-web", "web.", "disk0_name", "disk01_name", "network10_mac", "x.iso",
                "X.ISO", "x.iso\n", "x.\u0131so", "vm_enable=\"YES\"", "  vm_dir=/vm\r", "9x=1", "_x=1", "a=b\rc"));
        for (int i = 0; i < 40000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            corpus.add(s.toString());
        }
        return corpus;
    }

    @Test
    void wordsAreThoseOfTrimAndSplitAtBlanks() {
        for (String s : corpus()) {
            List<String> expected = Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
            assertEquals(expected, Chars.words(s), s);
            String stripped = s.strip();
            assertEquals(stripped.isEmpty() ? List.of() : List.of(stripped.split("[ \\t\\n]+")), ShellWords.split(s), s);
            assertEquals(s.matches("[0-9]+"), Chars.isDigits(s), s);
        }
    }

    @Test
    void sizesAndNamesAsThePatterns() {
        Pattern size = Pattern.compile("([0-9]{1,15})([KMGTkmgt]?)");
        Pattern name = Pattern.compile("[a-zA-Z0-9][.a-zA-Z0-9_-]{0,229}[a-zA-Z0-9]");
        for (String s : corpus()) {
            Matcher m = size.matcher(s);
            Optional<Long> expected = Optional.empty();
            if (m.matches()) {
                long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "K" -> 1L << 10;
                    case "M" -> 1L << 20;
                    case "G" -> 1L << 30;
                    case "T" -> 1L << 40;
                    default -> 7L;
                };
                try {
                    expected = Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), unit));
                } catch (ArithmeticException e) {
                    expected = Optional.empty();
                }
            }
            assertEquals(expected, Size.bytes(s, 7L), s);
            assertEquals(name.matcher(s).matches(), GuestName.isValid(s), s);
        }
        assertEquals(true, GuestName.isValid("a".repeat(231)));
        assertEquals(false, GuestName.isValid("a".repeat(232)));
    }

    @Test
    void rcConfAssignmentsAsThePattern() {
        Pattern assignment = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
        for (String s : corpus()) {
            String line = s.replace("\n", "");
            Matcher m = assignment.matcher(line);
            RcConf parsed = RcConf.parse(line);
            if (m.matches()) {
                assertEquals(Optional.of(ShellWord.read(m.group(2))), parsed.get(m.group(1)), line);
            } else if (line.contains("=")) {
                assertEquals(Optional.empty(), parsed.get(line.substring(0, line.indexOf('=')).strip()), line);
            }
        }
    }

    @Test
    void configKeysFindTheirEntryAsThePatterns() {
        List<Pattern> patterns = Arrays.stream(GuestKey.values())
                .map(k -> Pattern.compile(Pattern.quote(k.pattern()).replace("#", "\\E(0|[1-9][0-9]*)\\Q"))).toList();
        String[] numbers = {"", "0", "00", "01", "1", "10", "99", "1a", "\u0663", " 1", "-1"};
        for (GuestKey key : GuestKey.values()) {
            for (String number : numbers) {
                String name = key.pattern().replace("#", number);
                for (String probe : List.of(name, name + "x", "x" + name, name.substring(0, name.length() - 1), name + "\n")) {
                    Optional<GuestKey> expected = Optional.empty();
                    for (int i = 0; i < patterns.size() && expected.isEmpty(); i++) {
                        if (patterns.get(i).matcher(probe).matches()) {
                            expected = Optional.of(GuestKey.values()[i]);
                        }
                    }
                    assertEquals(expected, GuestKey.of(probe), probe);
                }
            }
        }
    }

    @Test
    void sysrcAssignmentsStartWhereThePatternEnds() {
        for (String key : List.of("vm_list", "a", "switch_list", "x.iso")) {
            Pattern assignment = Pattern.compile("^[ \\t\\f\\x0B]*" + Pattern.quote(key) + "=");
            List<String> lines = new ArrayList<>(corpus());
            for (String s : corpus().subList(0, 2000)) {
                lines.add(s + key + "=" + s);
                lines.add(s.strip() + key + s);
            }
            for (String line : lines) {
                Matcher m = assignment.matcher(line);
                assertEquals(m.find() ? m.end() : -1, SysrcEdit.valueStart(line, key), key + " in " + line);
            }
        }
    }
}
