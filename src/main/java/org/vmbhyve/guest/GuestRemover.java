package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.file.Path;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.error.QuietExit;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Zfs;

/** {@code vm destroy NAME}: removes a stopped guest, its dataset and its directory. */
public final class GuestRemover {

    private final VmContext vm;
    private final Guests guests;

    public GuestRemover(VmContext vm, Guests guests) {
        this.vm = vm;
        this.guests = guests;
    }

    public void destroy(String name, boolean force) {
        Guest guest = guests.require(name, name + " doesn't appear to be a valid virtual machine");
        if (guests.confirmStopped(guest, false) != 0) {
            throw new QuietExit(1);
        }
        if (!force && !vm.ui().confirm("Are you sure you want to completely remove this virtual machine")) {
            throw new QuietExit(0);
        }
        // checked again under the locks: it may have been started while we asked
        try (LockFile.Hold change = guest.lock().change();
             LockFile.Hold run = guests.holdStopped(guest)) {
            guests.require(name, name + " doesn't appear to be a valid virtual machine");
            remove(guest);
        }
        for (String line : new BootList(vm.rc()).afterDestroy(name)) {
            vm.ui().warn(line);
        }
    }

    private void remove(Guest guest) {
        if (guest.dataset() != null && !new Zfs(vm.runner()).destroyRecursive(guest.dataset())) {
            throw new VmException("failed to destroy ZFS dataset " + guest.dataset());
        }
        Path dir = guest.dir();
        // findGuest only yields <store>/<plain name>, so this never leaves the datastore
        if (!dir.getParent().equals(guest.datastore().path())) {
            throw new VmException("refusing to remove " + dir + ": not inside datastore " + guest.datastore().name());
        }
        try {
            Tree.delete(dir);
        } catch (IOException e) {
            throw new VmException("failed to remove guest directory " + dir + ": " + e.getMessage());
        }
    }

    /** {@code vm destroy NAME@SNAP}: removes a ZFS snapshot, without asking, as upstream. */
    public void destroySnapshot(String name, String snapshot) {
        Guest guest = guests.require(name, name + " does not appear to be an existing virtual machine");
        if (!guest.datastore().zfs()) {
            throw new VmException("cannot snapshot guests on non-zfs datastores");
        }
        String target = guest.dataset() + "@" + snapshot;
        if (vm.runner().runAttached(java.util.List.of("zfs", "destroy", "-r", target)) != 0) {
            throw new VmException("failed to remove snapshot " + target);
        }
    }
}
