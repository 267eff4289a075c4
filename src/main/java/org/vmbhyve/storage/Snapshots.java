package org.vmbhyve.storage;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.vmbhyve.config.ConfigFile;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.error.QuietExit;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.guest.Guest;
import org.vmbhyve.guest.GuestLog;
import org.vmbhyve.config.GuestName;
import org.vmbhyve.guest.Guests;
import org.vmbhyve.guest.RandomUuid;
import org.vmbhyve.host.Zfs;

/** ZFS snapshots of guests: {@code vm snapshot}, {@code vm rollback} and {@code vm clone}. */
public final class Snapshots {

    private static final DateTimeFormatter DEFAULT_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH:mm:ss");

    private final VmContext vm;
    private final Guests guests;
    private final Zfs zfs;

    public Snapshots(VmContext vm) {
        this.vm = vm;
        this.guests = new Guests(vm);
        this.zfs = new Zfs(vm.runner());
    }

    /** {@code zfs::snapshot}: a recursive snapshot, named after the local time by default. */
    public void snapshot(SnapshotName name, boolean force) {
        Guest guest = zfsGuest(name.guest(), "cannot snapshot guests on non-zfs datastores");
        String snap = name.hasSnapshot() ? name.snapshot() : OffsetDateTime.now(vm.clock()).format(DEFAULT_NAME);
        if (guests.confirmStopped(guest, false) != 0 && !force) {
            throw new VmException(guest.name() + " must be powered off first (use -f to override)");
        }
        if (!zfs.snapshotRecursive(guest.dataset() + "@" + snap)) {
            throw new VmException("failed to create recursive snapshot of virtual machine");
        }
    }

    /**
     * {@code zfs::rollback}: every dataset of the guest back to the snapshot. DEVIATE: the first
     * failing rollback ends the command with status 1 (upstream exits 0), naming the datasets
     * already rolled back (which cannot be undone): the same command again finishes the job.
     */
    public void rollback(SnapshotName name, boolean destroyLater) {
        Guest guest = zfsGuest(name.guest(), "cannot rollback guests on non-zfs datastores");
        if (guests.confirmStopped(guest, false) != 0) {
            throw new QuietExit(1);
        }
        List<String> datasets = zfs.datasets(List.of("-o", "name", "-rHt", "filesystem,volume"), guest.dataset())
                .orElseThrow(() -> new VmException("unable to list datasets for " + guest.dataset()));
        List<String> done = new java.util.ArrayList<>();
        for (String dataset : datasets) {
            if (!zfs.rollback(dataset + "@" + name.snapshot(), destroyLater)) {
                throw new VmException("failed to roll back " + dataset + " to " + name.snapshot()
                        + (done.isEmpty() ? "" : " (already rolled back: " + String.join(" ", done)
                                + "; run the same command again to finish)"));
            }
            done.add(dataset);
        }
    }

    /**
     * {@code zfs::clone}: a new guest from a snapshot (a fresh one of a stopped guest when none
     * is named), in the source's datastore, with its own uuid and MACs to come.
     */
    public void cloneGuest(SnapshotName source, String newName, PrintWriter out) {
        String autoSnapshot = RandomUuid.next(vm.random()).substring(0, 8);
        var existing = vm.datastores().findGuest(newName);
        if (existing.isPresent()) {
            throw new VmException("new guest already exists in " + existing.get().dir());
        }
        if (!GuestName.isValid(newName)) {
            throw new VmException("invalid virtual machine name - '" + newName + "'");
        }
        // like create: of several clones to one name, the first makes it and the others find it made
        try (LockFile.Hold change = guests.lock(newName).change()) {
            vm.datastores().findGuest(newName).ifPresent(home -> {
                throw new VmException("new guest already exists in " + home.dir());
            });
            cloneLocked(source, newName, autoSnapshot, out);
        }
    }

    private void cloneLocked(SnapshotName source, String newName, String autoSnapshot, PrintWriter out) {
        Guest guest = zfsGuest(source.guest(), "cannot clone guests on non-zfs datastores");
        String dataset = guest.dataset();
        List<String> datasets = zfs.datasets(List.of("-rHo", "name", "-t", "filesystem,volume"), dataset)
                .orElseThrow(() -> new VmException("unable to list datasets for " + dataset));
        String snap = source.snapshot();
        if (!source.hasSnapshot()) {
            if (guests.confirmStopped(guest, false) != 0) {
                throw new QuietExit(1);
            }
            if (guest.hasSavedState()) {
                throw new VmException("guest appears to be suspended, stop it before cloning");
            }
            snap = autoSnapshot;
            if (!zfs.snapshotRecursive(dataset + "@" + snap)) {
                throw new VmException("failed to create snapshot " + dataset + "@" + snap);
            }
        } else {
            for (String fs : datasets) {
                if (!zfs.exists(fs + "@" + snap)) {
                    throw new VmException("snapshot " + fs + "@" + snap + " doesn't seem to exist");
                }
            }
        }
        String newDataset = guest.datastore().dataset() + "/" + newName;
        for (String fs : datasets) {
            // a literal prefix swap (upstream's sed would read the names as patterns)
            String target = fs.startsWith(dataset) ? newDataset + fs.substring(dataset.length()) : fs;
            if (!zfs.cloneSnapshot(fs + "@" + snap, target)) {
                throw new VmException("error while cloning dataset " + fs + "@" + snap);
            }
        }
        makeOwn(guest.name(), guest.datastore().path().resolve(newName), newName, out);
    }

    /** Renames the copied config and drops what belongs to the source's runs. */
    private static void makeOwn(String oldName, Path dir, String newName, PrintWriter out) {
        try {
            Files.deleteIfExists(dir.resolve(GuestLog.FILE_NAME));
            // DEVIATE: a clone of a running guest's snapshot would otherwise look locked
            for (String stale : List.of("run.lock", "suspending.lock", "console")) {
                Files.deleteIfExists(dir.resolve(stale));
            }
        } catch (IOException e) {
            // leftovers of the source's runs are harmless to the clone's data
        }
        Path conf = dir.resolve(newName + ".conf");
        try {
            Files.move(dir.resolve(oldName + ".conf"), conf);
        } catch (IOException e) {
            out.println("Unable to rename configuration file to " + newName + ".conf");
            out.println("This will need to be renamed manually");
            out.println("Please also remove any uuid or mac address settings, these will be regenerated automatically");
            throw new QuietExit(1);
        }
        try {
            Generalise.apply(new ConfigFile(conf));
        } catch (IOException e) {
            throw new VmException("unable to update " + conf);
        }
    }

    private Guest zfsGuest(String name, String notZfs) {
        Guest guest = guests.require(name, name + " does not appear to be an existing virtual machine");
        if (!guest.datastore().zfs()) {
            throw new VmException(notZfs);
        }
        return guest;
    }
}
