package org.vmbhyve.guest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.vmbhyve.config.LockFile;
import org.vmbhyve.config.TextFile;
import org.vmbhyve.error.QuietExit;
import org.vmbhyve.core.VmContext;
import org.vmbhyve.datastore.GuestHome;
import org.vmbhyve.error.VmException;
import org.vmbhyve.datastore.Datastore;
import org.vmbhyve.datastore.GuestHome;

/** Finding guests and telling whether they run. */
public final class Guests {

    private final VmContext vm;

    public Guests(VmContext vm) {
        this.vm = vm;
    }

    public Optional<Guest> find(String name) {
        Optional<GuestHome> home = vm.datastores().findGuest(name);
        return home.isPresent() ? Optional.of(new Guest(home.get(), lock(name))) : Optional.empty();
    }

    /** This host's locks on a guest of that (valid) name, whether or not it exists yet. */
    public GuestLock lock(String name) {
        return new GuestLock(name, vm.paths().guestLock(name));
    }

    /** The guest, or the given upstream error when there is none. */
    public Guest require(String name, String errorIfMissing) {
        Optional<Guest> guest = find(name);
        if (guest.isEmpty()) {
            throw new VmException(errorIfMissing);
        }
        return guest.get();
    }

    /**
     * Each named guest in turn, or every guest when no names are given. Each name is looked up
     * as the loop reaches it, so a name that is not a guest stops with upstream's error after
     * the guests before it were handled.
     */
    public Iterable<Guest> namedOrAll(List<String> names) {
        if (names.isEmpty()) {
            return all();
        }
        return new Named(names);
    }

    /** The guests of a list of names, each required when the loop reaches it. */
    private final class Named implements Iterable<Guest> {

        private final List<String> names;

        Named(List<String> names) {
            this.names = names;
        }

        @Override
        public Iterator<Guest> iterator() {
            Iterator<String> name = names.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return name.hasNext();
                }

                @Override
                public Guest next() {
                    String next = name.next();
                    return require(next, "unable to locate virtual machine '" + next + "'");
                }
            };
        }
    }

    /**
     * Every guest of every guest store, store by store, each store's guests in byte order of
     * their names (upstream lists with {@code ls -1}).
     */
    public List<Guest> all() {
        List<Guest> guests = new ArrayList<>();
        for (Datastore ds : vm.datastores().guestStores()) {
            List<String> names = new ArrayList<>();
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(ds.path())) {
                for (Path entry : dir) {
                    names.add(entry.getFileName().toString());
                }
            } catch (java.nio.file.AccessDeniedException e) {
                // its guests are not dropped silently either
                vm.ui().warn("unable to read datastore " + ds.name() + " (permission denied on " + ds.path() + ")");
                continue;
            } catch (IOException e) {
                continue;
            }
            names.sort(null);
            for (String name : names) {
                Path guestDir = ds.path().resolve(name);
                // a directory this user may not enter may be a guest: listed, never dropped silently
                if (Files.exists(guestDir.resolve(name + ".conf"))
                        || !name.startsWith(".") && Files.isDirectory(guestDir) && !Files.isExecutable(guestDir)) {
                    guests.add(new Guest(new GuestHome(name, ds, guestDir), lock(name)));
                }
            }
        }
        return guests;
    }

    /** The state {@code vm list} shows, given one process listing for the whole command. */
    public GuestState state(Guest guest, RunningGuests running) {
        Optional<RunningGuests.Process> process = running.find(guest.name());
        if (process.isPresent()) {
            RunningGuests.Process p = process.get();
            return new GuestState(p.loader() ? GuestState.Kind.BOOTLOADER : GuestState.Kind.RUNNING, p.pid(), null);
        }
        Optional<String> lockHost = liveLockHost(guest);
        if (lockHost.isPresent()) {
            return new GuestState(GuestState.Kind.LOCKED, null, lockHost.get());
        }
        return new GuestState(guest.hasSavedState() ? GuestState.Kind.SUSPENDED : GuestState.Kind.STOPPED, null, null);
    }

    /** The host named on the first line of run.lock, when the lock exists. */
    public Optional<String> lockHost(Guest guest) {
        Path lock = guest.runLock();
        if (!Files.exists(lock)) {
            return Optional.empty();
        }
        try {
            List<String> lines = TextFile.lines(lock);
            return Optional.of(lines.isEmpty() ? "" : lines.get(0));
        } catch (IOException e) {
            return Optional.of("");
        }
    }

    /**
     * The host holding the guest's {@code run.lock}, leaving out a lock of this host whose
     * supervisor is dead (killed, or the host was reset): that guest is stopped.
     */
    public Optional<String> liveLockHost(Guest guest) {
        Optional<String> host = lockHost(guest);
        if (host.isPresent() && host.get().equals(vm.host().hostname()) && guest.lock().stale(guest.runLock())) {
            return Optional.empty();
        }
        return host;
    }

    /**
     * Upstream's {@code vm::confirm_stopped}: warns and fails when the guest is locked (by another
     * host, or by a live supervisor of this one unless {@code skipOwnLock}) or has a vmm device here.
     *
     * @return 0 when stopped, 2 when locked, 1 when a vmm device exists
     */
    public int confirmStopped(Guest guest, boolean skipOwnLock) {
        Optional<String> lockHost = liveLockHost(guest);
        if (lockHost.isPresent() && (!skipOwnLock || !lockHost.get().equals(vm.host().hostname()))) {
            vm.ui().warn(guest.name() + " appears to be running on " + lockHost.get() + " (locked)");
            return 2;
        }
        if (Files.exists(vm.paths().vmmDevice(guest.name()))) {
            vm.ui().warn(guest.name() + " appears to be running locally (vmm exists)");
            return 1;
        }
        return 0;
    }

    /**
     * For a command about to destroy or rename the guest (holding its change lock): upstream's
     * {@code confirm_stopped}, and the guest's run lock held so that no supervisor can start
     * it meanwhile. When the guest runs, the command ends with status 1 after the warning.
     */
    public LockFile.Hold holdStopped(Guest guest) {
        Optional<LockFile.Hold> run = guest.lock().run(Duration.ZERO);
        if (run.isEmpty()) {
            vm.ui().warn(guest.name() + " appears to be running on " + vm.host().hostname() + " (locked)");
            throw new QuietExit(1);
        }
        if (confirmStopped(guest, false) != 0) {
            run.get().close();
            throw new QuietExit(1);
        }
        return run.get();
    }
}
