package org.vmbhyve.datastore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.Chars;
import org.vmbhyve.config.SystemConfig;
import org.vmbhyve.error.VmException;
import org.vmbhyve.config.GuestName;

/** The configured datastores, in upstream's search order: default first, then datastore_list. */
public final class Datastores {

    private final Datastore defaultStore;
    private final SystemConfig system;
    private final MountTable mounts;

    public Datastores(Path vmDir, String zfsDataset, SystemConfig system, MountTable mounts) {
        this.defaultStore = new Datastore(Datastore.DEFAULT,
                zfsDataset == null ? Datastore.Kind.DIRECTORY : Datastore.Kind.ZFS,
                zfsDataset == null ? vmDir.toString() : "zfs:" + zfsDataset, vmDir, zfsDataset);
        this.system = system;
        this.mounts = mounts;
    }

    public Datastore defaultStore() {
        return defaultStore;
    }

    /** Every datastore name: {@code default} then the words of {@code datastore_list}. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(Datastore.DEFAULT);
        names.addAll(Chars.words(system.value("datastore_list")));
        return names;
    }

    /** {@code vm datastore list}: every store, as listed. */
    public List<DatastoreRow> rows() {
        List<DatastoreRow> rows = new ArrayList<>();
        for (Datastore store : all()) {
            rows.add(DatastoreRow.of(store));
        }
        return rows;
    }

    /** Every configured store with a spec, resolved (unmounted ZFS stores have a null path). */
    public List<Datastore> all() {
        List<Datastore> stores = new ArrayList<>();
        stores.add(defaultStore);
        for (String name : names()) {
            if (!name.equals(Datastore.DEFAULT)) {
                addIfPresent(stores, describe(name));
            }
        }
        return stores;
    }

    /** A store that can hold guests ({@code datastore::get}); empty for iso/img or unresolvable. */
    public Optional<Datastore> guestStore(String name) {
        if (name.equals(Datastore.DEFAULT)) {
            return Optional.of(defaultStore);
        }
        Optional<Datastore> store = describe(name);
        return store.isPresent() && store.get().holdsGuests() && store.get().path() != null ? store : Optional.empty();
    }

    /** Guest stores in search order, skipping those that cannot be resolved. */
    public List<Datastore> guestStores() {
        List<Datastore> stores = new ArrayList<>();
        for (String name : names()) {
            Optional<Datastore> store = guestStore(name);
            if (store.isPresent()) {
                stores.add(store.get());
            }
        }
        return stores;
    }

    /**
     * Finds a guest by name across the stores ({@code datastore::get_guest}). A name that is not
     * a single plain path segment never matches, so no lookup leaves its datastore.
     */
    public Optional<GuestHome> findGuest(String name) {
        if (!GuestName.isPathSafe(name)) {
            return Optional.empty();
        }
        for (Datastore ds : guestStores()) {
            Path dir = ds.path().resolve(name);
            if (Files.isRegularFile(dir.resolve(name + ".conf"))) {
                return Optional.of(new GuestHome(name, ds, dir));
            }
            if (Files.isDirectory(dir) && !Files.isExecutable(dir)) {
                // not "unable to locate": it may well be there, this user may not look
                throw new VmException("unable to read virtual machine " + name + " (permission denied on " + dir + ")");
            }
        }
        return Optional.empty();
    }

    /** The directory ISO files are kept in for a store name ({@code default} is $vm_dir/.iso). */
    public Optional<Path> isoDir(String name) {
        return mediaDir(name, Datastore.Kind.ISO, ".iso");
    }

    public Optional<Path> imgDir(String name) {
        return mediaDir(name, Datastore.Kind.IMG, ".img");
    }

    /** Every media directory of a kind: the default one first, then the configured stores. */
    public List<Datastore> mediaStores(Datastore.Kind kind) {
        List<Datastore> stores = new ArrayList<>();
        String sub = kind == Datastore.Kind.ISO ? ".iso" : ".img";
        stores.add(new Datastore(Datastore.DEFAULT, kind, "", defaultStore.path().resolve(sub), null));
        for (String name : names()) {
            addIfPresent(stores, ofKind(describe(name), kind));
        }
        return stores;
    }

    /**
     * Finds an install ISO or cloud image by name: an absolute path, then the current directory,
     * then the default media directory, then each media store of that kind.
     */
    public Optional<Path> findMedia(Datastore.Kind kind, String file, Path workingDir) {
        if (file.startsWith("/") && Files.isReadable(Path.of(file))) {
            return Optional.of(Path.of(file));
        }
        Path local = workingDir.resolve(file);
        if (Files.isReadable(local) && !file.isEmpty()) {
            return Optional.of(Path.of(workingDir + "/" + file));
        }
        for (Datastore ds : mediaStores(kind)) {
            Path candidate = Path.of(ds.path() + "/" + file);
            if (Files.isReadable(candidate) && !file.isEmpty()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** {@code vm datastore add NAME SPEC}. */
    public void add(String name, String spec) throws IOException {
        checkNewName(name);
        String mount;
        if (prefix(spec).equals("zfs")) {
            mount = mounts.mountPoint(afterPrefix(spec))
                    .orElseThrow(() -> new VmException(spec + " doesn't seem to be a valid, mounted dataset"));
        } else {
            if (!Files.isDirectory(Path.of(spec))) {
                throw new VmException(spec + " doesn't seem to be a valid directory");
            }
            mount = spec;
        }
        if (mount.equals(defaultStore.path().toString())) {
            throw new VmException("specified path already exists as default datastore");
        }
        save(name, spec);
    }

    /** {@code vm datastore iso|img NAME DIR}. */
    public void addMedia(Datastore.Kind kind, String name, String dir) throws IOException {
        checkNewName(name);
        if (!Files.isDirectory(Path.of(dir))) {
            throw new VmException("specified directory does not appear to be valid");
        }
        save(name, (kind == Datastore.Kind.ISO ? "iso:" : "img:") + dir);
    }

    /** {@code vm datastore remove NAME}: forgets the store, deletes nothing on disk. */
    public void remove(String name) {
        if (name.equals(Datastore.DEFAULT)) {
            throw new VmException("cannot remove default datastore");
        }
        if (name.isEmpty() || !names().contains(name)) {
            throw new VmException("unable to locate the specified dataset");
        }
        try {
            system.update(edit -> {
                edit.removeWords("datastore_list", List.of(name));
                if (!edit.delete("path_" + name)) {
                    throw new VmException("error removing settings from configuration file");
                }
            });
        } catch (IOException e) {
            throw new VmException("error removing settings from configuration file");
        }
    }

    private void checkNewName(String name) {
        if (!GuestName.isValid(name)) {
            throw new VmException("invalid datastore name - '" + name + "'");
        }
        if (names().contains(name)) {
            throw new VmException("datstore '" + name + "' already exists!");
        }
    }

    private void save(String name, String spec) {
        try {
            system.update(edit -> {
                edit.appendWords("datastore_list", List.of(name));
                edit.set("path_" + name, spec);
            });
        } catch (IOException | IllegalArgumentException e) {
            throw new VmException("error saving settings to configuration file");
        }
    }

    private Optional<Path> mediaDir(String name, Datastore.Kind kind, String sub) {
        if (name.equals(Datastore.DEFAULT)) {
            return Optional.of(defaultStore.path().resolve(sub));
        }
        Optional<Datastore> store = ofKind(describe(name), kind);
        return store.isPresent() ? Optional.of(store.get().path()) : Optional.empty();
    }

    /** Resolves a configured store from its {@code path_NAME} spec; empty when it has none. */
    private Optional<Datastore> describe(String name) {
        String spec = system.value("path_" + name);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (prefix(spec)) {
            case "zfs" -> new Datastore(name, Datastore.Kind.ZFS, spec,
                    mountPath(afterPrefix(spec)), afterPrefix(spec));
            case "iso" -> new Datastore(name, Datastore.Kind.ISO, spec, Path.of(afterPrefix(spec)), null);
            case "img" -> new Datastore(name, Datastore.Kind.IMG, spec, Path.of(afterPrefix(spec)), null);
            default -> new Datastore(name, Datastore.Kind.DIRECTORY, spec,
                    Files.isDirectory(Path.of(spec)) ? Path.of(spec) : null, null);
        });
    }

    // Optional's lambda-taking methods are avoided here: listing and the dry run pass through,
    // and on JDK 17 the first lambda of a run costs milliseconds.

    private static void addIfPresent(List<Datastore> stores, Optional<Datastore> store) {
        if (store.isPresent()) {
            stores.add(store.get());
        }
    }

    private static Optional<Datastore> ofKind(Optional<Datastore> store, Datastore.Kind kind) {
        return store.isPresent() && store.get().kind() == kind ? store : Optional.empty();
    }

    /** Where a ZFS dataset is mounted; null when it is not. */
    private Path mountPath(String dataset) {
        Optional<String> mountPoint = mounts.mountPoint(dataset);
        return mountPoint.isPresent() ? Path.of(mountPoint.get()) : null;
    }

    private static String prefix(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    private static String afterPrefix(String spec) {
        return spec.substring(spec.indexOf(':') + 1);
    }
}
