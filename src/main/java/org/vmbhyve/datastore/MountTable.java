package org.vmbhyve.datastore;

import java.util.Optional;
import org.vmbhyve.host.MountOutput;
import org.vmbhyve.host.ProcessRunner;

/**
 * Finds where a ZFS dataset is mounted, from the output of {@code mount} (FreeBSD's
 * {@code zroot/vm on /zroot/vm (zfs, local)}), as upstream does. The table is read once.
 */
public final class MountTable {

    private final ProcessRunner runner;
    private java.util.List<String> lines;

    public MountTable(ProcessRunner runner) {
        this.runner = runner;
    }

    /** The mount point of the dataset (the first line whose first field is exactly it). */
    public Optional<String> mountPoint(String dataset) {
        if (lines == null) {
            lines = runner.runShowingErrors("mount").lines();
        }
        return MountOutput.mountPoint(lines, dataset);
    }
}
