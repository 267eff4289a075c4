package org.vmbhyve.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vmbhyve.error.VmException;

/** The output one unpacking run may still write, checked as it goes (see {@link OutputLimits}). */
final class OutputBudget {

    private final String archive;
    private final Path dir;
    private final long maxBytes;
    private final long maxDiskBytes;
    private long bytes;
    private long diskBytes;

    OutputBudget(OutputLimits limits, Path archive, Path dir) throws IOException {
        long compressed = Files.size(archive);
        this.archive = archive.getFileName().toString();
        this.dir = dir;
        this.maxBytes = Math.max(limits.floorBytes(),
                compressed > Long.MAX_VALUE / limits.maxRatio() ? Long.MAX_VALUE : compressed * limits.maxRatio());
        // read once: the free space is what it is before we start, our own writes use it up
        this.maxDiskBytes = Files.getFileStore(dir).getUsableSpace() - limits.reserveBytes();
    }

    /** Counts BYTES more of output, of which DISK_BYTES take space (holes do not). */
    void charge(long bytes, long diskBytes) {
        this.bytes += bytes;
        this.diskBytes += diskBytes;
        if (this.bytes > maxBytes) {
            throw new VmException("refusing to unpack " + archive + ": it expands to more than " + maxBytes
                    + " bytes, which looks like a decompression bomb");
        }
        if (this.diskBytes > maxDiskBytes) {
            throw new VmException("refusing to unpack " + archive + ": not enough free space in " + dir);
        }
    }
}
