package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileTest {

    @TempDir
    Path dir;

    /** Lines split as Files.readAllLines splits them, on every mix of terminators. */
    @Test
    void linesAsReadAllLines() throws Exception {
        Path file = dir.resolve("text");
        Random random = new Random(21);
        String[] pieces = {"a", "é", " x=\"1\"", "\n", "\r", "\r\n", "\n\n", ""};
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Files.writeString(file, text);
            assertEquals(Files.readAllLines(file), TextFile.lines(file), text.toString());
            assertEquals(Files.readString(file), TextFile.read(file));
        }
    }

    /** A byte that is not UTF-8 reads as U+FFFD and spoils nothing else, as sh reads it. */
    @Test
    void aStrayLatin1ByteKeepsTheRest() throws Exception {
        Path conf = dir.resolve("web.conf");
        Files.write(conf, "# caf\u00e9 server\nloader=\"bhyveload\"\nmemory=1G\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("# caf\uFFFD server", TextFile.lines(conf).get(0));
        assertEquals("1G", ConfigValues.load(conf).value(GuestKey.MEMORY));
    }
}
