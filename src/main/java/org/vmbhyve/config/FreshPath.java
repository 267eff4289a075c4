package org.vmbhyve.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A new file or directory for work in progress, for its owner only, as {@code Files.createTempFile}
 * and {@code createTempDirectory} make them, but without their {@code SecureRandom}: its set-up
 * costs milliseconds and brings the security classes into every run's start-up archive. The
 * name need not be secret, only new: creation is exclusive, never through an existing name or
 * link, and a taken name moves on to the next.
 */
public final class FreshPath {

    /** Tells apart the names one process makes. */
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private FreshPath() {
    }

    /** An empty file {@code PREFIX<unique>SUFFIX} in {@code dir}, mode 0600. */
    public static Path file(Path dir, String prefix, String suffix) throws IOException {
        while (true) {
            try {
                return Files.createFile(dir.resolve(name(prefix, suffix)),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // taken: try the next name
            }
        }
    }

    /** An empty directory {@code PREFIX<unique>} in {@code dir}, mode 0700. */
    public static Path directory(Path dir, String prefix) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(dir.resolve(name(prefix, "")),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException e) {
                // taken: try the next name
            }
        }
    }

    private static String name(String prefix, String suffix) {
        return prefix + Long.toHexString(System.nanoTime()) + "-" + SERIAL.incrementAndGet() + suffix;
    }
}
