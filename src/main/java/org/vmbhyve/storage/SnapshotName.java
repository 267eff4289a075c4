package org.vmbhyve.storage;

/**
 * {@code NAME@SNAP} as upstream splits it: the guest is the text before the first {@code @},
 * the snapshot the text after the last one; without {@code @} there is no snapshot.
 */
public record SnapshotName(String guest, String snapshot) {

    public static SnapshotName parse(String word) {
        int first = word.indexOf('@');
        if (first < 0) {
            return new SnapshotName(word, "");
        }
        return new SnapshotName(word.substring(0, first), word.substring(word.lastIndexOf('@') + 1));
    }

    public boolean hasSnapshot() {
        return !snapshot.isEmpty();
    }
}
