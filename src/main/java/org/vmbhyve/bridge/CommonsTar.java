package org.vmbhyve.bridge;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.vmbhyve.media.TarReader;

/** Reads tar through commons-compress (created by {@link org.vmbhyve.host.Libraries}). */
public final class CommonsTar implements TarReader {

    @Override
    public void read(InputStream in, Visitor visitor) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                visitor.entry(new Entry(entry.getName(), kind(entry), entry.getLinkName()), tar);
            }
        }
    }

    private static Kind kind(TarArchiveEntry entry) {
        if (entry.isDirectory()) {
            return Kind.DIRECTORY;
        }
        if (entry.isSymbolicLink()) {
            return Kind.SYMLINK;
        }
        if (entry.isLink()) {
            return Kind.HARDLINK;
        }
        return entry.isFile() ? Kind.FILE : Kind.OTHER;
    }
}
