package org.vmbhyve.datastore;

import java.nio.file.Path;

/**
 * A place guests (or ISO/img files) live: the default {@code $vm_dir}, or an entry of
 * {@code datastore_list} whose {@code path_NAME} spec is a directory, {@code zfs:dataset},
 * {@code iso:dir} or {@code img:dir}.
 *
 * @param path the resolved directory; null when a ZFS dataset is not mounted
 * @param dataset the ZFS dataset, or null for a plain directory
 */
public record Datastore(String name, Kind kind, String spec, Path path, String dataset) {

    public enum Kind { DIRECTORY, ZFS, ISO, IMG }

    public static final String DEFAULT = "default";

    public boolean zfs() {
        return kind == Kind.ZFS;
    }

    /** True for the stores that hold guests rather than install media. */
    public boolean holdsGuests() {
        return kind == Kind.DIRECTORY || kind == Kind.ZFS;
    }
}
