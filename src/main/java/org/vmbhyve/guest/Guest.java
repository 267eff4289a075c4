package org.vmbhyve.guest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.ConfigValues;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.datastore.GuestHome;

/** A guest found on disk: where it lives and its configuration as it is now. */
public final class Guest implements DiskPaths {

    private final GuestHome home;
    private final GuestLock lock;
    private ConfigValues config;

    public Guest(GuestHome home, GuestLock lock) {
        this.home = home;
        this.lock = lock;
    }

    public String name() {
        return home.name();
    }

    public GuestHome home() {
        return home;
    }

    public Path dir() {
        return home.dir();
    }

    public Datastore datastore() {
        return home.datastore();
    }

    public GuestLock lock() {
        return lock;
    }

    /**
     * What keeps this user from reading the guest: its directory (not searchable) or its config
     * (not readable), as made by an earlier version in mode 0700/0600 or by a careful admin;
     * empty when it can be read (always for root).
     */
    public Optional<Path> unreadable() {
        if (Files.isReadable(home.configPath())) {
            return Optional.empty();
        }
        return Optional.of(Files.isExecutable(dir()) ? home.configPath() : dir());
    }

    /** The config file; every change to it takes the guest's config lock. */
    public ConfigFile configFile() {
        return new ConfigFile(home.configPath(), lock.config());
    }

    /** The configuration, read once; call {@link #reload()} after writing to it. */
    public ConfigValues config() {
        if (config == null) {
            config = ConfigValues.load(home.configPath());
        }
        return config;
    }

    public void reload() {
        config = null;
    }

    public Path runLock() {
        return home.file("run.lock");
    }

    /** Saved state of a suspended guest ({@code NAME.save}). */
    public boolean hasSavedState() {
        return Files.exists(home.file(name() + ".save"));
    }

    /** The dataset of a guest on a ZFS store, e.g. {@code zroot/vm/web1}; null otherwise. */
    public String dataset() {
        return datastore().zfs() ? datastore().dataset() + "/" + name() : null;
    }

    /**
     * The host path of a disk ({@code vm::get_disk_path}): zvols under {@code /dev/zvol},
     * custom devices as written, files inside the guest directory.
     */
    @Override
    public String diskPath(String disk, String device) {
        return switch (device) {
            case "zvol", "sparse-zvol" -> "/dev/zvol/" + datastore().dataset() + "/" + name() + "/" + disk;
            case "custom", "9p" -> disk;
            default -> dir() + "/" + disk;
        };
    }
}
