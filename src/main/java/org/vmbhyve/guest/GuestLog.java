package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A guest's {@code vm-bhyve.log}: each message is one line {@code <date -Iseconds>: <message>}.
 * Continuation lines are messages that start with a space, as upstream writes them.
 */
public final class GuestLog {

    public static final String FILE_NAME = "vm-bhyve.log";
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final Path file;
    private final Clock clock;

    public GuestLog(Path guestDir, Clock clock) {
        this.file = guestDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    /** Appends the messages, stopping at the first empty one as upstream does. */
    public void write(String... messages) {
        StringBuilder text = new StringBuilder();
        String stamp = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(ISO_SECONDS);
        for (String message : messages) {
            if (message == null || message.isEmpty()) {
                break;
            }
            text.append(stamp).append(": ").append(message).append('\n');
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a log that cannot be written must not stop the guest; upstream ignores it too
        }
    }
}
