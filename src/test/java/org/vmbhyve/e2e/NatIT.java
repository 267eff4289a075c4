package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code vm switch nat} on the fake host, beyond the argv of the golden scenario
 * ({@code golden/switch-nat}): refusals leave every file and all host state as they were; on
 * writes nothing outside {@code $vm_dir/.config} but the host's own state (pf, sysctl, the
 * dnsmasq process); off takes exactly that away again.
 */
class NatIT {

    /** Host calls that only look: group lookups, interface listings, pf and route queries. */
    private static final Pattern READ_ONLY = Pattern.compile(
            "'ifconfig' '-g' '[^']*'|'ifconfig' '[^']*'|'pfctl' '-s' '[a-z]*'|'route' '-n' 'get' 'default'");

    private static final String RULE = "nat on em0 inet from 10.0.0.0/24 to any -> (em0)\n";

    private FakeHost host;
    private Path anchor;
    private Path systemConf;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-nat-"));
        anchor = host.state.resolve("pf/anchors/vm-bhyve/lan");
        systemConf = host.vmDir.resolve(".config/system.conf");
        ok("init");
        ok("switch", "create", "-a", "10.0.0.1/24", "lan");
        // a host ready for NAT: pf loaded and enabled, pf.conf with the hook, a default route, dnsmasq
        host.sh("touch state/kld/pf && mkdir -p state/pf && touch state/pf/enabled"
                + " && echo 'nat-anchor \"vm-bhyve/*\" all' > state/pf/main-nat && echo em0 > state/default-route"
                + " && cp \"$FAKEHOST_PKG/dnsmasq\" host/usr/local/sbin/");
    }

    @AfterEach
    void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    @Test
    void everyRefusalChangesNothing() throws Exception {
        ok("switch", "create", "bare");
        ok("switch", "create", "-a", "10.1.0.1/31", "tiny");
        ok("switch", "import", "office", "em0");
        refused("unable to locate specified virtual switch", "switch", "nat", "nosuch", "on");
        refused("unable to locate specified virtual switch", "switch", "nat", "nosuch", "off");
        refused("nat is only supported on standard switches", "switch", "nat", "office", "on");
        refused("switch bare has no IPv4 address: add one first with vm switch address bare a.b.c.d/xx",
                "switch", "nat", "bare", "on");
        refused("switch address 10.1.0.1/31 leaves no room for guests (a prefix of /30 or shorter is needed)",
                "switch", "nat", "tiny", "on");
        refused("nat is not enabled on switch lan", "switch", "nat", "lan", "off");
        host.sh("echo 'nat-anchor \"other/*\" all' > state/pf/main-nat");
        refused("the pf ruleset does not call vm's NAT anchors: add this line among the translation rules of"
                + " /etc/pf.conf: nat-anchor \"vm-bhyve/*\" and reload it: pfctl -f /etc/pf.conf",
                "switch", "nat", "lan", "on");
        host.sh("rm state/pf/enabled");
        refused("pf is not enabled: enable it (sysrc pf_enable=YES; service pf start) with this line among the"
                + " translation rules of /etc/pf.conf: nat-anchor \"vm-bhyve/*\"", "switch", "nat", "lan", "on");
        host.sh("touch state/pf/enabled && echo 'nat-anchor \"vm-bhyve/*\" all' > state/pf/main-nat"
                + " && rm state/default-route");
        refused("unable to find the interface of the host's default route (route -n get default)",
                "switch", "nat", "lan", "on");
    }

    @Test
    void onWritesOnlyUnderConfigAndOffTakesItAllAway() throws Exception {
        Map<String, String> before = snapshot();
        ok("switch", "nat", "lan", "on");
        Map<String, String> on = snapshot();
        Set<String> changed = changed(before, on);
        changed.removeIf(p -> p.startsWith("vm/.config/") || p.startsWith("state/"));
        assertEquals(Set.of(), changed, "written outside $vm_dir/.config and the host's state");

        assertEquals(RULE, Files.readString(anchor));
        assertEquals("1\n", Files.readString(host.state.resolve("sysctl/net.inet.ip.forwarding")));
        assertTrue(Files.readString(systemConf).endsWith("nat_lan=\"yes\"\n"));
        Path config = host.vmDir.resolve(".config");
        assertEquals("# DHCP for the guests of switch lan, written by 'vm switch nat lan on'.\n"
                + "# Removed by 'vm switch nat lan off'; edits are lost at the next 'on'.\n"
                + "interface=vm-lan\n"
                + "except-interface=lo0\n"
                + "bind-interfaces\n"
                + "dhcp-range=10.0.0.2,10.0.0.254,12h\n"
                + "dhcp-leasefile=" + config.resolve("dnsmasq-lan.leases") + "\n"
                + "pid-file=" + config.resolve("dnsmasq-lan.pid") + "\n",
                Files.readString(config.resolve("dnsmasq-lan.conf")));
        String pid = Files.readString(config.resolve("dnsmasq-lan.pid")).trim();
        assertEquals(pid + " dnsmasq --conf-file=" + config.resolve("dnsmasq-lan.conf") + "\n",
                Files.readString(host.state.resolve("procs")));

        ok("switch", "nat", "lan", "off");
        Set<String> left = changed(before, snapshot());
        // what stays: forwarding (never turned off), the fake's pid counter and empty process list,
        // and the lock the fake's stubs change that list under
        assertEquals(Set.of("state/sysctl/net.inet.ip.forwarding", "state/next-pid", "state/procs",
                "state/procs.lock"), left);
        assertEquals("", Files.readString(host.state.resolve("procs")));
    }

    @Test
    void aNewAddressMovesNatAndDhcpAlong() throws Exception {
        ok("switch", "nat", "lan", "on");
        FakeHost.Run run = host.vmWithInput("y\n", "switch", "address", "lan", "10.9.0.1/16");
        assertEquals(0, run.exit(), run.stderr());
        String config = "ROOT/vm/.config/dnsmasq-lan";
        assertEquals(List.of("'ifconfig' '-g' 'viid-73f50@'",
                "'ifconfig' 'vm-lan' 'inet' '10.9.0.1/16'",
                "'ifconfig' '-g' 'viid-73f50@'",
                "'route' '-n' 'get' 'default'",
                "'sysctl' 'net.inet.ip.forwarding=1'",
                "'pfctl' '-a' 'vm-bhyve/lan' '-f' '-'",
                "'pkill' '-F' '" + config + ".pid' '-x' 'dnsmasq'",
                "'dnsmasq' '--conf-file=" + config + ".conf'"), new Normalizer(host).lines(run.hostCalls()));
        assertEquals("nat on em0 inet from 10.9.0.0/16 to any -> (em0)\n", Files.readString(anchor));
        assertTrue(Files.readString(host.vmDir.resolve(".config/dnsmasq-lan.conf"))
                .contains("\ndhcp-range=10.9.0.2,10.9.255.254,12h\n"));
    }

    @Test
    void deletingTheIpv4AddressTakesNatAway() throws Exception {
        ok("switch", "nat", "lan", "on");
        FakeHost.Run run = host.vm("switch", "address", "lan", "10.0.0.1/24", "delete");
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(List.of("'ifconfig' '-g' 'viid-73f50@'",
                "'pfctl' '-a' 'vm-bhyve/lan' '-F' 'nat'",
                "'pkill' '-F' 'ROOT/vm/.config/dnsmasq-lan.pid' '-x' 'dnsmasq'",
                "'ifconfig' 'vm-lan' 'inet' '10.0.0.1/24' 'delete'"), new Normalizer(host).lines(run.hostCalls()));
        assertEquals("switch_list=\"lan\"\ntype_lan=\"standard\"\n", Files.readString(systemConf));
        assertFalse(Files.exists(anchor));
    }

    @Test
    void aFailedStepUndoesOn() throws Exception {
        host.sh("touch state/dnsmasq-fails");
        FakeHost.Run run = host.vm("switch", "nat", "lan", "on");
        assertEquals(1, run.exit());
        assertEquals("dnsmasq: failed to create listening socket\nvm: ERROR: failed to start dnsmasq for switch lan\n",
                new Normalizer(host).text(run.stderr()));
        assertTrue(run.hostCalls().contains("'pfctl' '-a' 'vm-bhyve/lan' '-F' 'nat'"), run.hostCalls().toString());
        assertFalse(Files.exists(anchor));
        assertFalse(Files.readString(systemConf).contains("nat_lan"));
        try (Stream<Path> files = Files.list(host.vmDir.resolve(".config"))) {
            assertEquals(List.of("null.iso", "system.conf"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void initWarnsAndGoesOnWhenNatCannotBeRestored() throws Exception {
        ok("switch", "nat", "lan", "on");
        // a reboot into a host without a default route yet
        host.sh("rm -rf state/procs state/pf/anchors state/kld/pf state/if/vm-lan state/default-route");
        FakeHost.Run run = host.vm("init");
        assertEquals(0, run.exit());
        assertEquals("vm: WARNING: unable to restore nat on switch lan: the host has no default route yet;"
                + " run 'vm switch nat lan on' once it has\n", new Normalizer(host).text(run.stderr()));
        assertTrue(run.hostCalls().stream().noneMatch(c -> c.startsWith("'pfctl'") || c.startsWith("'dnsmasq'")),
                run.hostCalls().toString());
        assertTrue(Files.readString(systemConf).contains("nat_lan=\"yes\""), "the state stays for the next init");
    }

    private void ok(String... args) throws Exception {
        FakeHost.Run run = host.vm(args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.stderr());
    }

    private void refused(String message, String... args) throws Exception {
        Map<String, String> before = snapshot();
        FakeHost.Run run = host.vm(args);
        String what = String.join(" ", args);
        assertEquals(1, run.exit(), what);
        assertEquals("vm: ERROR: " + message + "\n", new Normalizer(host).text(run.stderr()), what);
        assertEquals(before, snapshot(), what + " changed a file or host state");
        for (String call : run.hostCalls()) {
            assertTrue(READ_ONLY.matcher(call).matches(), what + " ran " + call);
        }
    }

    /** Every path under the test root with its content (directories as such), but the call logs. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(host.root)) {
            for (Path p : walk.filter(p -> !p.equals(host.root)).toList()) {
                String rel = host.root.relativize(p).toString();
                if (rel.equals("state/host.log") || rel.equals("state/calls.log")) {
                    continue;
                }
                files.put(rel, Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        }
        return files;
    }

    private static Set<String> changed(Map<String, String> a, Map<String, String> b) {
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        paths.removeIf(p -> a.getOrDefault(p, "").equals(b.getOrDefault(p, "")) && a.containsKey(p) == b.containsKey(p));
        return paths;
    }
}
