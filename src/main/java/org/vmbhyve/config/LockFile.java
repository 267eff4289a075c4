package org.vmbhyve.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Advisory locks on single bytes ("regions") of a lock file, taken with {@code fcntl} through
 * {@link FileChannel}. The kernel drops them when their holder exits, however it exits, so no
 * crash leaves a lock behind; different regions of one file are independent locks.
 *
 * <p>POSIX drops all of a process's locks on a file when it closes <em>any</em> descriptor of
 * that file, so each lock file is opened once per process and never closed: every lock, probe
 * and read of the content goes through that one channel. Within a process a region is
 * re-entrant: nested holds count up and the region is released when the outermost one closes.
 */
public final class LockFile {

    /** How long a command waits for a lock before giving up with an error. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final long POLL_MILLIS = 25;
    private static final Map<Path, LockFile> OPEN = new HashMap<>();

    private final Path path;
    private final FileChannel channel;
    private final Map<Long, FileLock> held = new HashMap<>();
    private final Map<Long, Integer> depth = new HashMap<>();

    private LockFile(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** The process's one channel on the lock file, creating the file (and its directory) if need be. */
    public static synchronized LockFile of(Path path) {
        Path key = path.toAbsolutePath().normalize();
        LockFile open = OPEN.get(key);
        if (open == null) {
            try {
                FileMode.PUBLIC_DIR.createDirectories(key.getParent());
                boolean created = !Files.exists(key);
                open = new LockFile(key, FileChannel.open(key, StandardOpenOption.CREATE,
                        StandardOpenOption.READ, StandardOpenOption.WRITE));
                if (created) {
                    // readable: a non-root vm list tells a stale run.lock by the supervisor it names
                    FileMode.PUBLIC_FILE.apply(key);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("unable to open lock file " + key, e);
            }
            OPEN.put(key, open);
        }
        return open;
    }

    /**
     * A lock file's text for a reader that takes no lock: through this process's channel when
     * it has one (closing another descriptor would drop its locks), else read plainly; "" when
     * there is no such file. Creates nothing.
     */
    public static String text(Path path) {
        LockFile open;
        synchronized (LockFile.class) {
            open = OPEN.get(path.toAbsolutePath().normalize());
        }
        if (open != null) {
            return open.read();
        }
        try {
            return TextFile.read(path);
        } catch (IOException e) {
            return "";
        }
    }

    /** Takes the region, waiting up to {@code wait}; empty when another process still holds it then. */
    public synchronized Optional<Hold> acquire(long region, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            Optional<Hold> hold = tryAcquire(region);
            if (hold.isPresent() || System.nanoTime() - deadline >= 0) {
                return hold;
            }
            try {
                wait(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Takes the region if no other process holds it, without waiting. */
    public synchronized Optional<Hold> tryAcquire(long region) {
        if (!held.containsKey(region)) {
            FileLock lock;
            try {
                lock = channel.tryLock(region, 1, false);
            } catch (OverlappingFileLockException e) {
                // another thread of this process holds it: as busy as another process would be
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("unable to lock " + path, e);
            }
            if (lock == null) {
                return Optional.empty();
            }
            held.put(region, lock);
        }
        depth.put(region, depth.getOrDefault(region, 0) + 1);
        return Optional.of(new Hold(region));
    }

    /** Whether another process holds the region now (a probe: takes and drops it when free). */
    public synchronized boolean heldElsewhere(long region) {
        if (held.containsKey(region)) {
            return false;
        }
        Optional<Hold> probe = tryAcquire(region);
        if (probe.isEmpty()) {
            return true;
        }
        probe.get().close();
        return false;
    }

    /** The file's text, read through the held channel. */
    public synchronized String read() {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to read " + path, e);
        }
    }

    /**
     * Replaces the file's text in place: the file itself is the lock, so it is never renamed.
     * Readers may see it empty for a moment, never a mix of old and new.
     */
    public synchronized void write(String text) {
        try {
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(text), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("unable to write " + path, e);
        }
    }

    private synchronized void release(long region) {
        int left = depth.get(region) - 1;
        depth.put(region, left);
        if (left > 0) {
            return;
        }
        depth.remove(region);
        FileLock lock = held.remove(region);
        try {
            lock.release();
        } catch (IOException e) {
            // the channel stays open; the kernel drops the lock at exit at the latest
        }
        notifyAll();
    }

    /** One hold of a region; closing it releases the region once no outer hold is left. */
    public final class Hold implements AutoCloseable {

        private final long region;
        private boolean closed;

        private Hold(long region) {
            this.region = region;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(region);
            }
        }
    }
}
