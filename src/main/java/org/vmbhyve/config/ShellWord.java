package org.vmbhyve.config;

/**
 * Reads the value of a simple sh assignment ({@code a="b c"}, {@code a='b'}, {@code a=b}) as
 * the shell would, without evaluating anything: {@code $} expansions and command
 * substitutions are kept as literal text.
 */
final class ShellWord {

    private ShellWord() {
    }

    static String read(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == ';') {
                break;
            }
            if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                int end = close < 0 ? text.length() : close;
                out.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        i++;
                        d = text.charAt(i);
                    }
                    out.append(d);
                    i++;
                }
                i++;
            } else if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(i + 1));
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
