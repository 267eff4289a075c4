package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ifconfig's own complaints reach the user exactly where upstream runs ifconfig without
 * redirecting its stderr, and stay hidden where upstream sends it to /dev/null.
 */
class NetworkErrorsIT {

    private FakeHost host;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-network-errors-"));
        assertEquals(0, host.vm("init").exit());
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    /**
     * vm-info's switch ports come from a bare {@code ifconfig BRIDGE}; FreeBSD's netstat says
     * nothing about an interface it does not have, so ifconfig's line is the only one.
     */
    @Test
    void switchInfoOfABridgeDestroyedBehindVmsBackShowsIfconfigsComplaint() throws Exception {
        Files.createDirectories(host.state.resolve("if/bridge7"));
        assertEquals(0, host.vm("switch", "create", "-t", "manual", "-b", "bridge7", "lab").exit());
        host.sh("ifconfig bridge7 destroy");
        FakeHost.Run run = host.vm("switch", "info", "lab");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals("ifconfig: interface bridge7 does not exist\n", run.stderr());
        assertTrue(run.stdout().contains("  ident: bridge7\n"), run.stdout());
        assertFalse(run.stdout().contains("bytes-in"), run.stdout());
    }

    /** vm-switch-vxlan reads the uplink's address with a bare {@code ifconfig IF}. */
    @Test
    void vxlanSwitchOnAMissingUplinkShowsIfconfigsComplaint() throws Exception {
        FakeHost.Run run = host.vm("switch", "create", "-t", "vxlan", "-i", "em9", "-n", "10", "vx");
        assertEquals(1, run.exit(), run.stderr());
        String stderr = run.stderr().replace(FakeHost.LAUNCHER.toString(), "vm");
        assertTrue(stderr.startsWith("ifconfig: interface em9 does not exist\nvm: ERROR: "), stderr);
    }

    /**
     * vm-switch-standard adds a port with {@code addm ... >/dev/null 2>&1}; DEVIATE: ifconfig's
     * reason comes first, then upstream's line (DESIGN.md "When something fails").
     */
    @Test
    void addingAMissingPortShowsIfconfigsReasonThenVmsError() throws Exception {
        assertEquals(0, host.vm("switch", "create", "public").exit());
        FakeHost.Run run = host.vm("switch", "add", "public", "em9");
        assertEquals(1, run.exit(), run.stderr());
        assertEquals("ifconfig: BRDGADD em9: No such file or directory\n"
                + "vm: ERROR: failed to add member em9 to the virtual switch public\n",
                run.stderr().replace(FakeHost.LAUNCHER.toString(), "vm"));
    }

    /**
     * vm-switch-standard creates a named tap with a bare {@code ifconfig tap create name NAME}: a
     * taken name makes ifconfig complain, and the guest carries on with the tap it did make.
     */
    @Test
    void tapNameClashShowsIfconfigsComplaint() throws Exception {
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        assertEquals(0, host.vm("switch", "create", "public").exit());
        assertEquals(0, host.vm("create", "-s", "10M", "web").exit());
        Files.writeString(host.vmDir.resolve("web/web.conf"), "network0_name=\"vm-public\"\n",
                StandardOpenOption.APPEND);
        FakeHost.Run run = host.vm("start", "-f", "web");
        assertTrue(run.stderr().contains("ifconfig: ioctl SIOCSIFNAME (set name): File exists\n"), run.stderr());
        assertTrue(run.hostCalls().contains("'ifconfig' 'tap0' 'destroy'"), String.join("\n", run.hostCalls()));
    }
}
