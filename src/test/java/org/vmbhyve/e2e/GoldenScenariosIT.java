package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Our own scenarios in the examples' format ({@code src/test/resources/golden}), for paths the
 * recorded upstream runs do not cover. {@code -Dgolden.update=true} rewrites their records from
 * this build (review the diff against upstream's behaviour before committing it).
 */
class GoldenScenariosIT {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    /** init -> create -> list -> info -> rename -> add -> tags -> destroy, with the bad-input paths. */
    @Test
    void guestLifecycle() throws Exception {
        if (UPDATE) {
            ScenarioRecorder.record("golden", "lifecycle");
        }
        FakeHost host = Replay.run(RecordedExample.load("golden", "lifecycle"), Integer.MAX_VALUE, Set.of());
        // the tree compares settings; the file itself must be byte for byte what upstream writes
        String conf = Files.readString(host.vmDir.resolve("www1/www1.conf"));
        assertEquals("""
                loader="bhyveload"
                cpu=1
                memory=256M
                network0_type="virtio-net"
                network0_switch="public"
                disk0_type="virtio-blk"
                disk0_name="disk0.img"
                uuid="UUID"
                network0_mac="MAC"
                disk1_name="disk1.img"
                disk1_type="virtio-blk"
                disk1_dev="file"
                network1_type="virtio-net"
                network1_switch="public"
                tags="prod web"
                """, new Normalizer(host).text(conf));
        Replay.cleanUp(host);
    }

    /** Every switch type: create, list, members, addresses, and a guest with a port on each. */
    @Test
    void switchTypes() throws Exception {
        if (UPDATE) {
            ScenarioRecorder.record("golden", "switch-types");
        }
        Replay.cleanUp(Replay.run(RecordedExample.load("golden", "switch-types"), Integer.MAX_VALUE, Set.of()));
    }

    /**
     * NAT on a standard switch: each refusal in check order (pf module, pf enabled, the anchor
     * hook, default route, no IPv4 address, wrong type), on without and with dnsmasq, info,
     * off, init restoring it after a reboot, address removal, destroy; upstream's warnings for
     * other arguments; and {@code switch import}, whole word only.
     */
    @Test
    void switchNat() throws Exception {
        if (UPDATE) {
            ScenarioRecorder.record("golden", "switch-nat");
        }
        Replay.cleanUp(Replay.run(RecordedExample.load("golden", "switch-nat"), Integer.MAX_VALUE, Set.of()));
    }

    /** A ZFS vm_dir: zvol disks, snapshot, rollback with and without -r, clone, snapshot destroy. */
    @Test
    void zfsSnapshots() throws Exception {
        if (UPDATE) {
            ScenarioRecorder.record("golden", "zfs-snapshots");
        }
        Replay.cleanUp(Replay.run(RecordedExample.load("golden", "zfs-snapshots"), Integer.MAX_VALUE, Set.of()));
    }

    /**
     * TPM guests from the windows11 template: each refusal (no swtpm, FreeBSD before 15.0, no
     * /dev/tpm0, a bad kind, a loader without UEFI), then swtpm's and bhyve's argv in a dry run
     * and a real start (swtpm started before bhyve, stopped after it), passthru, vm info and
     * vm check; the smartos template.
     */
    @Test
    void tpm() throws Exception {
        if (UPDATE) {
            ScenarioRecorder.record("golden", "tpm");
        }
        Replay.cleanUp(Replay.run(RecordedExample.load("golden", "tpm"), Integer.MAX_VALUE, Set.of()));
    }
}
