package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.vmbhyve.config.GuestName;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Zfs;

/** {@code vm rename OLD NEW}: the dataset, the directory, the config and any saved state. */
public final class GuestRenamer {

    private final VmContext vm;
    private final Guests guests;

    public GuestRenamer(VmContext vm, Guests guests) {
        this.vm = vm;
        this.guests = guests;
    }

    public void rename(String oldName, String newName) {
        if (!GuestName.isValid(newName)) {
            throw new VmException("invalid virtual machine name - '" + newName + "'");
        }
        refuseExisting(newName);
        Guest guest = guests.require(oldName, oldName + " doesn't appear to be a valid virtual machine");
        // both names, in a fixed order so that two renames never wait for each other
        GuestLock target = guests.lock(newName);
        boolean oldFirst = oldName.compareTo(newName) < 0;
        try (LockFile.Hold first = (oldFirst ? guest.lock() : target).change();
             LockFile.Hold second = (oldFirst ? target : guest.lock()).change()) {
            refuseExisting(newName);
            guests.require(oldName, oldName + " doesn't appear to be a valid virtual machine");
            try (LockFile.Hold run = guests.holdStopped(guest);
                 LockFile.Hold config = guest.configFile().lock()) {
                dropStaleLock(guest);
                move(guest, oldName, newName);
            }
        }
        for (String line : new BootList(vm.rc()).afterRename(oldName, newName)) {
            vm.ui().warn(line);
        }
    }

    private void refuseExisting(String newName) {
        guests.find(newName).ifPresent(g ->
                { throw new VmException("directory " + g.datastore().path() + "/" + newName + " already exists"); });
    }

    /** A run.lock left by a dead supervisor would make the renamed guest look locked. */
    private void dropStaleLock(Guest guest) {
        if (guests.lockHost(guest).isPresent() && guests.liveLockHost(guest).isEmpty()) {
            try {
                Files.deleteIfExists(guest.runLock());
            } catch (IOException e) {
                throw new VmException("unable to remove stale " + guest.runLock());
            }
        }
    }

    private void move(Guest guest, String oldName, String newName) {
        Path store = guest.datastore().path();
        if (guest.dataset() != null) {
            String target = guest.datastore().dataset() + "/" + newName;
            if (!new Zfs(vm.runner()).rename(guest.dataset(), target)) {
                throw new VmException("failed to rename ZFS dataset " + guest.dataset());
            }
        }
        Path newDir = store.resolve(newName);
        if (Files.isDirectory(guest.dir())) {
            if (Files.exists(newDir)) {
                throw new VmException("directory " + newDir + " already exists");
            }
            try {
                Files.move(guest.dir(), newDir);
            } catch (IOException e) {
                throw new VmException("failed to rename guest directory");
            }
        }
        try {
            Files.move(newDir.resolve(oldName + ".conf"), newDir.resolve(newName + ".conf"));
        } catch (IOException e) {
            throw new VmException("changed guest directory but failed to rename configuration file");
        }
        renameSavedState(newDir, oldName, newName);
    }

    /** Moves {@code OLD.save*} to {@code NEW.save*} (upstream only prints the mv commands). */
    private static void renameSavedState(Path dir, String oldName, String newName) {
        try (DirectoryStream<Path> saves = Files.newDirectoryStream(dir, oldName + ".save*")) {
            for (Path save : saves) {
                if (Files.isRegularFile(save)) {
                    String suffix = save.getFileName().toString().substring(oldName.length());
                    Files.move(save, dir.resolve(newName + suffix));
                }
            }
        } catch (IOException e) {
            throw new VmException("changed guest directory but failed to rename saved vm state file");
        }
    }
}
