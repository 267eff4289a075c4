package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.FileMode;

/**
 * A guest's {@code vm-bhyve.log}: each message is one line {@code <date -Iseconds>: <message>}.
 * Continuation lines are messages that start with a space, as upstream writes them.
 */
public final class GuestLog {

    public static final String FILE_NAME = "vm-bhyve.log";

    private static final long ROTATE_AT = 1024 * 1024;

    private final Path file;
    private final Clock clock;

    public GuestLog(Path guestDir, Clock clock) {
        this.file = guestDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    /**
     * Starts a new log when this one reached 1 MiB, keeping the previous one gzipped as
     * {@code vm-bhyve.log.0.gz}, as upstream does before each boot.
     */
    public void rotate() {
        try {
            if (!Files.exists(file) || Files.size(file) < ROTATE_AT) {
                return;
            }
            Path old = file.resolveSibling(FILE_NAME + ".0.gz");
            Path temp = file.resolveSibling(FILE_NAME + ".0.gz.tmp");
            try (var in = Files.newInputStream(file);
                 var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(temp))) {
                in.transferTo(out);
            }
            FileMode.PUBLIC_FILE.apply(temp);
            Files.move(temp, old, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.delete(file);
        } catch (IOException e) {
            // keep logging to the full file rather than fail the guest
        }
    }

    /** Appends the messages, stopping at the first empty one as upstream does. */
    public void write(String... messages) {
        StringBuilder text = new StringBuilder();
        String stamp = stamp(OffsetDateTime.now(clock));
        for (String message : messages) {
            if (message == null || message.isEmpty()) {
                break;
            }
            text.append(stamp).append(": ").append(message).append('\n');
        }
        try {
            boolean created = !Files.exists(file);
            Files.writeString(file, text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (created) {
                FileMode.PUBLIC_FILE.apply(file);
            }
        } catch (IOException e) {
            // a log that cannot be written must not stop the guest; upstream ignores it too
        }
    }

    /**
     * {@code yyyy-MM-dd'T'HH:mm:ssxxx} ({@code 2026-11-26T04:00:35+01:00}), written out by hand:
     * a {@code DateTimeFormatter} brings some sixty classes into every run's start-up archive.
     */
    static String stamp(OffsetDateTime time) {
        int offset = time.getOffset().getTotalSeconds();
        StringBuilder text = new StringBuilder(25);
        pad(text, time.getYear(), 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        pad(text, time.getSecond(), 2).append(offset < 0 ? '-' : '+');
        pad(text, Math.abs(offset) / 3600, 2).append(':');
        return pad(text, Math.abs(offset) / 60 % 60, 2).toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int digits) {
        return text.append(Chars.rightAligned(Integer.toString(value), digits, '0'));
    }
}
