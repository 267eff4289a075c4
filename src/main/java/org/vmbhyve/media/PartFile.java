package org.vmbhyve.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.FreshPath;

/**
 * A file being written next to its final name ({@code .NAME.part-RANDOM}), moved into place
 * in one rename only once complete and synced: the final name never holds half a file. Closing
 * it uncommitted deletes it.
 */
final class PartFile implements AutoCloseable {

    /** Keeps the temporary name within NAME_MAX (255) for long names such as URL queries. */
    private static final int STEM_CHARS = 100;
    private static final byte[] ZEROS = new byte[64 * 1024];

    private final Path path;
    private final FileChannel channel;
    private long size;
    private boolean committed;

    PartFile(Path dir, String name) throws IOException {
        path = FreshPath.file(dir, "." + stem(name) + ".part-", "");
        // an interrupted run (Ctrl-C runs shutdown hooks) leaves no part file behind
        path.toFile().deleteOnExit();
        channel = FileChannel.open(path, StandardOpenOption.WRITE);
    }

    static String stem(String name) {
        return name.length() > STEM_CHARS ? name.substring(0, STEM_CHARS) : name;
    }

    /**
     * Appends N bytes of BUF. Runs of zeros become holes, so sparse disk images stay sparse.
     *
     * @return how many of the bytes took disk space
     */
    long write(byte[] buf, int n) throws IOException {
        if (n <= ZEROS.length && Arrays.equals(buf, 0, n, ZEROS, 0, n)) {
            size += n;
            return 0;
        }
        ByteBuffer data = ByteBuffer.wrap(buf, 0, n);
        while (data.hasRemaining()) {
            channel.write(data, size + data.position());
        }
        size += n;
        return n;
    }

    long size() {
        return size;
    }

    /** Syncs the file and renames it to TARGET, replacing what was there. */
    void commit(Path target) throws IOException {
        if (channel.size() < size) {
            channel.write(ByteBuffer.allocate(1), size - 1); // a trailing hole still counts in the length
        }
        channel.force(true);
        channel.close();
        FileMode.PUBLIC_FILE.apply(path);
        Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        committed = true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (!committed) {
            Files.deleteIfExists(path);
        }
    }
}
