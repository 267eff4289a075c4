package org.vmbhyve.config;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small text files vm only looks at (guest configs, rc.conf, locks, console files):
 * whole, as UTF-8 with any malformed byte read as U+FFFD, as sh reads bytes whatever they are,
 * so a stray Latin-1 byte in a comment does not make a guest look unconfigured. Through
 * {@link FileInputStream}: {@code Files.readString}'s channel layers cost three times as much
 * per file on a freshly started JVM, paid for each guest {@code vm list} shows.
 */
public final class TextFile {

    private TextFile() {
    }

    public static String read(Path file) throws IOException {
        try (FileInputStream in = new FileInputStream(file.toFile())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The lines, as {@code Files.readAllLines} splits them (at \n, \r or \r\n; none after a final one). */
    public static List<String> lines(Path file) throws IOException {
        String text = read(file);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }
}
