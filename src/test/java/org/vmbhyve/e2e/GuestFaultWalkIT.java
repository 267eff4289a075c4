package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.List;
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

    @Test
    void createOfEachDiskKind() throws Exception {
        prepare(true);
        host.sh("printf 'disk0_dev=\"sparse-zvol\"\\n' >> vm/.templates/default.conf && cp vm/.templates/default.conf vm/.templates/sparse.conf"
                + " && sed 's/sparse-zvol/zvol/' vm/.templates/sparse.conf > vm/.templates/zvol.conf");
        FaultWalkIT.walk(host, "create", "-t", "zvol", "-s", "10M", "v1");
        FaultWalkIT.walk(host, "create", "-t", "sparse", "-s", "10M", "v2");
    }

    @Test
    void addOfEachKind() throws Exception {
        prepare(true, "z1");
        vm("switch", "create", "public");
        FaultWalkIT.walk(host, "add", "-d", "disk", "-t", "zvol", "-s", "10M", "z1");
        FaultWalkIT.walk(host, "add", "-d", "disk", "-t", "sparse-zvol", "-s", "10M", "z1");
        FaultWalkIT.walk(host, "add", "-d", "network", "-s", "public", "z1");
    }

    @Test
    void imageCreateProvisionDestroy() throws Exception {
        prepare(true, "web");
        FaultWalkIT.walk(host, "image", "create", "-u", "web");
        vm("image", "create", "-u", "web");
        String uuid = host.vm("image", "list").stdout().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];
        FaultWalkIT.walk(host, "image", "provision", uuid, "web2");
        FaultWalkIT.walk(host, "image", "destroy", uuid);
    }

    @Test
    void datastoreAddRemove() throws Exception {
        prepare(true);
        host.sh("mkdir -p store2");
        FaultWalkIT.walk(host, "datastore", "add", "two", host.root.resolve("store2").toString());
        vm("datastore", "add", "two", host.root.resolve("store2").toString());
        FaultWalkIT.walk(host, "datastore", "remove", "two");
    }

    @Test
    void migrateAStoppedGuest() throws Exception {
        prepare(true, "web");
        host.sh("fakehost-remote tank/vm && ssh backup.example vm init");
        // the clean-up's snapshot that stays cannot be undone, and the guest is already on the other host
        FaultWalkIT.walkKnowing(host, List.of("zfs destroy -r tank/vm/web@"), "migrate", "web", "backup.example");
        // ssh cut in the middle of the stream: the remote keeps nothing, this host its snapshot no more
        HostSnapshot before = HostSnapshot.of(host);
        host.fail("ssh", "backup.example zfs recv *", Fault.sshClosed("backup.example").midway());
        FakeHost.Run cut = host.vm("migrate", "web", "backup.example");
        assertEquals(1, cut.exit(), cut.stderr());
        assertEquals("Connection to backup.example closed by remote host.\n"
                + "vm: ERROR: error detected while sending snapshot\n", cut.stderr().replace(FakeHost.LAUNCHER + ":", "vm:"));
        assertEquals(List.of(), before.diff(HostSnapshot.of(host)));
    }

    @Test
    void init() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-guest-walk-"));
        host.sh("rm state/kld/vmm");
        FaultWalkIT.walk(host, "init");
    }
}
