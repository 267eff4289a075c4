package org.vmbhyve.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Character classes and word splitting written out by hand. They replace regular expressions on
 * the paths every command takes: compiling a pattern runs in the interpreter at start-up
 * (5 to 6 ms each for rc.conf's and the config keys' on JDK 17), and the JDK's archive cannot
 * hold a compiled pattern. Each method says which expression it stands for; RegexFreeTest
 * checks them against it.
 */
public final class Chars {

    private Chars() {
    }

    /** {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
    public static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code [0-9]}. */
    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [A-Za-z0-9]}. */
    public static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /**
     * {@code printf "%-Ns"}: the text left-justified in {@code width} columns, never cut. By hand:
     * JDK 17's formatter parses its format with a regular expression.
     */
    public static String padded(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /**
     * The text right-aligned in {@code width} columns, never cut: {@code printf "%Ns"} with a
     * space as {@code fill}, {@code "%0Nd"} or {@code "%0Nx"} of the digits with '0'.
     */
    public static String rightAligned(String text, int width, char fill) {
        return text.length() >= width ? text : String.valueOf(fill).repeat(width - text.length()) + text;
    }

    /** {@code [0-9]+}. */
    public static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A character {@code .} does not match: a line terminator. */
    public static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The non-empty words of {@code text.trim().split("\\s+")}. */
    public static List<String> words(String text) {
        return split(text.trim(), " \t\n\u000B\f\r");
    }

    /** The non-empty words of TEXT between runs of the SEPARATORS characters. */
    static List<String> split(String text, String separators) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || separators.indexOf(text.charAt(i)) >= 0) {
                if (i > start) {
                    words.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }
}
