package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault walk of the guest commands, on a directory datastore and on a ZFS one (see
 * {@link FaultWalk} and {@link FaultWalkIT}).
 */
class GuestFaultWalkIT {

    private FakeHost host;

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    /** A host with vm initialised on a directory or, with ZFS, on {@code tank/vm}, and the default template. */
    private void prepare(boolean zfs, String... guests) throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-guest-walk-"));
        if (zfs) {
            host.sh("fakehost-zfs-vmdir tank/vm");
        }
        vm("init");
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        for (String guest : guests) {
            vm("create", "-s", "10M", guest);
        }
    }

    private void vm(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.stderr());
    }

    @Test
    void createOnADirectory() throws Exception {
        prepare(false);
        FaultWalkIT.walk(host, "create", "-s", "10M", "web");
    }

    @Test
    void createOnZfs() throws Exception {
        prepare(true);
        FaultWalkIT.walk(host, "create", "-s", "10M", "web");
    }

    @Test
    void cloneOnZfs() throws Exception {
        prepare(true, "z1");
        vm("snapshot", "z1@s1");
        FaultWalkIT.walk(host, "clone", "z1@s1", "z2");
    }

    @Test
    void renameOnADirectory() throws Exception {
        prepare(false, "f1");
        FaultWalkIT.walk(host, "rename", "f1", "f2");
    }

    @Test
    void renameOnZfs() throws Exception {
        prepare(true, "z1");
        FaultWalkIT.walk(host, "rename", "z1", "z2");
    }

    @Test
    void destroyOnZfs() throws Exception {
        prepare(true, "z1");
        FaultWalkIT.walk(host, "destroy", "-f", "z1");
    }

    @Test
    void snapshotAndRollbackOnZfs() throws Exception {
        prepare(true, "z1");
        FaultWalkIT.walk(host, "snapshot", "z1@s1");
        vm("snapshot", "z1@s1");
        FaultWalkIT.walk(host, "rollback", "z1@s1");
    }

    @Test
    void addDiskOnZfs() throws Exception {
        prepare(true, "z1");
        FaultWalkIT.walk(host, "add", "-d", "disk", "-s", "10M", "z1");
    }
}
