package org.vmbhyve.media;

import java.io.IOException;
import java.io.InputStream;

/** Reads a tar stream entry by entry (public for the bridge that implements it). */
public interface TarReader {

    /** What an entry is, tested in this order: a directory, a symbolic link, a hard link, a file. */
    enum Kind { DIRECTORY, SYMLINK, HARDLINK, FILE, OTHER }

    /** An entry's header: its name, kind and, for links, the name it points to. */
    record Entry(String name, Kind kind, String linkName) {
    }

    /** Handles one entry; DATA reads the entry's content and nothing past it. */
    interface Visitor {
        void entry(Entry entry, InputStream data) throws IOException;
    }

    /** Calls the visitor for every entry of the archive IN, in archive order; closes IN. */
    void read(InputStream in, Visitor visitor) throws IOException;
}
