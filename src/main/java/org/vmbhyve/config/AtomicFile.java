package org.vmbhyve.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content in one step: a temporary file in the same directory, synced, then
 * renamed over the old one. A reader, or a crash at any moment, sees the old file or the new,
 * never half. The new file has the old one's mode, owner and group (a new file: 0644).
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    public static void write(Path file, String content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = FreshPath.file(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            if (Files.exists(file)) {
                FileMode.copyOwnership(file, tmp);
            } else {
                FileMode.PUBLIC_FILE.apply(tmp);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Removes the temporary files of writes to {@code file} that were killed before their
     * rename. Only safe while no other write to it can be under way: under the file's lock.
     */
    public static void removeLeftovers(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String prefix = "." + file.getFileName();
        // matched by hand: a glob filter compiles a regular expression
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.length() >= prefix.length() + 4 && name.startsWith(prefix) && name.endsWith(".tmp")) {
                    Files.deleteIfExists(entry);
                }
            }
        }
    }

    /** Makes the rename itself durable, so a power cut after we return cannot bring the old file back. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // not every system lets a directory be opened for this; the data itself is on disk
        }
    }
}
