package org.vmbhyve.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MountOutputTest {

    @Test
    void findsTheDatasetsOwnLineOnADefaultZfsInstall() {
        List<String> mount = HostOutput.lines("mount-12.1-zfs-default.txt");
        assertEquals(Optional.of("/"), MountOutput.mountPoint(mount, "zroot/ROOT/12.1"));
        assertEquals(Optional.of("/var/tmp"), MountOutput.mountPoint(mount, "zroot/var/tmp"));
        assertEquals(Optional.empty(), MountOutput.mountPoint(mount, "zroot/var"), "not mounted");
        assertEquals(Optional.empty(), MountOutput.mountPoint(mount, "devfs on /dev"));
    }

    @Test
    void aNameThatPrefixesOthersMatchesOnlyItself() {
        List<String> mount = HostOutput.lines("mount-freenas-nested-tank.txt");
        assertEquals(Optional.of("/mnt/tank"), MountOutput.mountPoint(mount, "tank"));
        assertEquals(Optional.of("/mnt/tank/iocage"), MountOutput.mountPoint(mount, "tank/iocage"));
        assertEquals(Optional.of("/mnt/tank/iocage/jails"), MountOutput.mountPoint(mount, "tank/iocage/jails"));
        assertEquals(Optional.empty(), MountOutput.mountPoint(mount, "tank/iocage/j"));
        assertEquals(Optional.empty(), MountOutput.mountPoint(mount, "tan"));
    }

    @Test
    void optionListsWithoutCommasOrWithBlanksInsideAreNoObstacle() {
        assertEquals(Optional.of("/dev"), MountOutput.mountPoint(HostOutput.lines("mount-14-jail.txt"), "devfs"));
        assertEquals(Optional.of("/"), MountOutput.mountPoint(HostOutput.lines("mount-14-jail.txt"), "zroot/jail"));
        List<String> ufs = HostOutput.lines("mount-ufs-gpt-label.txt");
        assertEquals(Optional.of("/raid1"), MountOutput.mountPoint(ufs, "/dev/gpt/raid1"));
        assertEquals(Optional.of("/"), MountOutput.mountPoint(ufs, "/dev/da0p2"));
    }

    /** Where upstream's {@code cut -d' ' -f3} would stop at the blank. */
    @Test
    void aMountPointWithABlankStaysWhole() {
        assertEquals(Optional.of("/mnt/my vms"),
                MountOutput.mountPoint(List.of("tank/vm on /mnt/my vms (zfs, local, nfsv4acls)"), "tank/vm"));
    }
}
