package org.vmbhyve.host;

import java.nio.file.Path;

/**
 * Every absolute host path other than rc.conf and $vm_dir ({@code /dev/vmm}, {@code /dev/nmdm*},
 * firmware, examples) goes through here, so tests can root the host in a temporary directory.
 */
public final class HostPaths {

    private final Path root;

    public HostPaths(Path root) {
        this.root = root;
    }

    /** Resolves an absolute host path such as {@code /dev/vmm/web1} under the host root. */
    public Path get(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    public Path vmmDevice(String guest) {
        return get("/dev/vmm/" + guest);
    }

    /**
     * Where vm keeps its lock files: outside {@code $vm_dir}, so guest directories, their
     * snapshots and migrations hold exactly what upstream's do, and emptied at boot like every
     * run-time file.
     */
    public Path lockDir() {
        return get("/var/run/vm-bhyve");
    }

    /** A guest's locks ({@code guest.GuestLock}); guest names never start with a dot. */
    public Path guestLock(String guest) {
        return lockDir().resolve(guest + ".lock");
    }

    /**
     * What a detached run's waiter locks for the guest's whole life, with {@code flock(2)} by
     * way of {@code lockf(1)}: a file apart from {@link #guestLock}, whose {@code fcntl} regions
     * a FreeBSD flock of the whole file would block (see {@code supervise.Waiter}).
     */
    public Path guestRunLock(String guest) {
        return lockDir().resolve(guest + ".run");
    }

    /** A detached run's decisions, kept between its steps ({@code supervise.RunState}). */
    public Path guestRunState(String guest) {
        return lockDir().resolve(guest + ".state");
    }

    /** The next bhyve command of a detached run, one word a line, for its waiter. */
    public Path guestBhyveArgv(String guest) {
        return lockDir().resolve(guest + ".argv");
    }

    public Path systemConfigLock() {
        return lockDir().resolve(".system.conf.lock");
    }

    /** Where a package installs the example templates that {@code vm init} copies. */
    public Path exampleTemplates() {
        return get("/usr/local/share/examples/vm-bhyve");
    }
}
