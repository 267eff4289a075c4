package org.vmbhyve.host;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@code mount}'s listing, one {@code SRC on MNT (fstype, option, ...)} line per file
 * system (sbin/mount/mount.c). Dataset names prefix one another ({@code tank}, {@code tank/vm}),
 * so a line is the dataset's only when its source is the whole name, as upstream's
 * {@code grep "^DS "} insists.
 */
public final class MountOutput {

    private MountOutput() {
    }

    /**
     * Where the dataset is mounted: the first line whose source is exactly the dataset.
     * Unlike upstream's {@code cut -d' ' -f3}, a mount point with a blank in it stays whole.
     */
    public static Optional<String> mountPoint(List<String> lines, String dataset) {
        String start = dataset + " on ";
        for (String line : lines) {
            if (!line.startsWith(start)) {
                continue;
            }
            int options = line.lastIndexOf(" (");
            String point = options > start.length() ? line.substring(start.length(), options) : line.substring(start.length());
            if (!point.isEmpty()) {
                return Optional.of(point);
            }
        }
        return Optional.empty();
    }
}
