package org.vmbhyve.datastore;

/**
 * One datastore as {@code vm datastore list} shows it; the components are its {@code --json}
 * fields.
 *
 * @param type directory, zfs, iso or img
 * @param path the directory (a directory store's spec even when it has gone), null when unknown
 * @param dataset the ZFS dataset, null for other stores
 */
public record DatastoreRow(String name, String type, String path, String dataset) {

    static DatastoreRow of(Datastore ds) {
        String type = ds.kind().name().toLowerCase(java.util.Locale.ROOT);
        String path = ds.kind() == Datastore.Kind.DIRECTORY && !ds.name().equals(Datastore.DEFAULT)
                ? ds.spec() : ds.path() == null ? null : ds.path().toString();
        return new DatastoreRow(ds.name(), type, path, ds.dataset());
    }
}
