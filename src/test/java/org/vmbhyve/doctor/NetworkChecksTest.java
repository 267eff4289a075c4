package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vmbhyve.host.FakeRunner.fail;
import static org.vmbhyve.host.FakeRunner.ok;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Switch bridges and uplinks, and pf for NAT switches. */
class NetworkChecksTest {

    @TempDir
    Path dir;
    TestHost host;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
    }

    /** ifconfig: the public switch's viid group holds vm-public; the interfaces named exist. */
    private void interfaces(List<String> existing) {
        host.runner.answer("ifconfig", argv -> {
            if (argv.get(1).equals("-g")) {
                return ok(argv.get(2).startsWith("viid-") && existing.contains("vm-public") ? "vm-public\n" : "");
            }
            return existing.contains(argv.get(1)) ? ok(argv.get(1) + ": flags=8843<UP> mtu 1500\n") : fail();
        });
    }

    @Test
    void aSwitchNeedsItsBridgeAndItsUplinks() throws IOException {
        host.system("switch_list=\"public lan\"\ntype_public=\"standard\"\nports_public=\"em0 em9\"\n"
                + "type_lan=\"vale\"");
        interfaces(List.of("vm-public", "em0"));
        assertEquals(List.of(
                Diagnosis.fail("switch", "public: uplink em9 does not exist", "vm switch remove public em9"),
                Diagnosis.info("switch", "lan (vale): nothing on the host until a guest starts")),
                host.run(new SwitchCheck()));
        interfaces(List.of("em0", "em9"));
        assertEquals(Diagnosis.fail("switch", "public: its bridge does not exist", "vm init"),
                host.run(new SwitchCheck()).get(0));
        interfaces(List.of("vm-public", "em0", "em9"));
        assertEquals(Diagnosis.pass("switch", "public: vm-public exists"), host.run(new SwitchCheck()).get(0));
    }

    @Test
    void aManualSwitchsBridgeIsTheAdminsToCreate() throws IOException {
        host.system("switch_list=\"ext\"\ntype_ext=\"manual\"\nbridge_ext=\"bridge7\"");
        interfaces(List.of());
        assertEquals(List.of(Diagnosis.fail("switch", "ext: bridge bridge7 does not exist", "ifconfig bridge7 create")),
                host.run(new SwitchCheck()));
    }

    @Test
    void natNeedsPfEnabledAndCallingTheAnchors() throws IOException {
        assertEquals(List.of(Diagnosis.info("nat", "no switch uses NAT")), host.run(new NatCheck()));
        host.system("switch_list=\"public\"\ntype_public=\"standard\"\nnat_public=\"yes\"");
        host.runner.answer("pfctl", argv -> ok(argv.get(2).equals("info")
                ? "Status: Disabled for 0 days 00:00:00          Debug: Urgent\n" : ""));
        assertEquals(List.of(Diagnosis.fail("nat", "NAT on public: pf is not enabled",
                "sysrc pf_enable=YES && service pf start")), host.run(new NatCheck()));
        host.runner.answer("pfctl", argv -> ok(argv.get(2).equals("info")
                ? "Status: Enabled for 0 days 01:02:03           Debug: Urgent\n" : "nat on em0 all -> (em0)\n"));
        assertEquals(Status.FAIL, host.run(new NatCheck()).get(0).status());
        assertEquals("add 'nat-anchor \"vm-bhyve/*\"' to the translation rules of /etc/pf.conf, then pfctl -f"
                + " /etc/pf.conf", host.run(new NatCheck()).get(0).fix());
        host.runner.answer("pfctl", argv -> ok(argv.get(2).equals("info")
                ? "Status: Enabled for 0 days 01:02:03           Debug: Urgent\n" : "nat-anchor \"vm-bhyve/*\" all\n"));
        assertEquals(List.of(Diagnosis.pass("nat", "NAT on public: pf is enabled and calls nat-anchor \"vm-bhyve/*\"")),
                host.run(new NatCheck()));
    }

    @Test
    void aUserOtherThanRootIsToldPfIsRootsOnly() throws IOException {
        host.system("switch_list=\"public\"\nnat_public=\"yes\"");
        host.uid = 1001;
        assertEquals(List.of(Diagnosis.info("nat", "NAT on public: pf is readable by root only; run vm doctor as root")),
                host.run(new NatCheck()));
        assertEquals(List.of(), host.runner.calls("pfctl"));
    }
}
