package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.host.FakeRunner;

/** vm switch: validation and messages (the ifconfig sequences are replayed end to end in ExamplesIT). */
class SwitchCommandsTest {

    @TempDir
    Path root;
    TestVm vm;
    Path systemConf;

    @BeforeEach
    void setUp() throws Exception {
        vm = new TestVm(root);
        vm.vm("list");
        systemConf = vm.vmDir.resolve(".config/system.conf");
        Files.writeString(systemConf, "switch_list=\"public\"\ntype_public=\"standard\"\n");
    }

    private void refused(String message, String... args) throws Exception {
        String before = Files.readString(systemConf);
        long calls = changes();
        TestVm.Result r = vm.vm(args);
        assertEquals(1, r.exit(), String.join(" ", args));
        assertEquals("vm: ERROR: " + message + "\n", r.err());
        assertEquals(before, Files.readString(systemConf), "system.conf changed");
        assertEquals(calls, changes(), "ifconfig changed an interface");
    }

    /** ifconfig calls other than the read-only ones: {@code ifconfig -g GROUP} and {@code ifconfig IF}. */
    private long changes() {
        return vm.runner.calls("ifconfig").stream().filter(argv -> argv.size() > 2 && !argv.get(1).equals("-g")).count();
    }

    @Test
    void createRefusesBadInputAndChangesNothing() throws Exception {
        refused("invalid switch name - 'a/b'", "switch", "create", "a/b");
        refused("invalid switch name - ''", "switch", "create");
        refused("switch public already exists", "switch", "create", "public");
        refused("invalid vlan number", "switch", "create", "-n", "4095", "lan");
        refused("invalid vlan number", "switch", "create", "-n", "x1", "lan");
        refused("address must be supplied in CIDR notation (e.g. 192.0.2.1/24, 3fff::1/64)",
                "switch", "create", "-a", "192.0.2.1", "lan");
        refused("invalid mtu", "switch", "create", "-m", "9001", "lan");
        refused("invalid mtu", "switch", "create", "-m", "12", "lan");
        refused("invalid switch type - 'hub'", "switch", "create", "-t", "hub", "lan");
        refused("you must specify a bridge to import when creating a manual switch", "switch", "create", "-t", "manual", "lan");
        refused("vxlan switches must be created with an interface and vlan id specified",
                "switch", "create", "-t", "vxlan", "-i", "em0", "lan");
    }

    @Test
    void badCreateOptionShowsUsage() {
        TestVm.Result r = vm.vm("switch", "create", "-z", "lan");
        assertEquals(1, r.exit());
        assertEquals("Illegal option -z\n", r.err());
        assertTrue(r.out().contains("Available subcommands"));
    }

    @Test
    void missingArgumentsShowUsage() {
        for (List<String> args : List.of(List.of("switch", "destroy"), List.of("switch", "add", "public"),
                List.of("switch", "vlan", "public"), List.of("switch", "private", "public"))) {
            TestVm.Result r = vm.vm(args.toArray(String[]::new));
            assertEquals(1, r.exit(), args.toString());
            assertTrue(r.out().contains("Available subcommands"), args.toString());
        }
        TestVm.Result help = vm.vm("switch");
        assertEquals(0, help.exit());
        assertTrue(help.out().startsWith("Usage:"));
    }

    /** Hand-edited MTU and VLAN settings show as written, as upstream prints them; JSON keeps them strings. */
    @Test
    void settingsShowAsWritten() throws Exception {
        Files.writeString(systemConf, "switch_list=\"public\"\ntype_public=\"standard\"\nmtu_public=\"jumbo\"\n"
                + "vlan_public=\"ten\"\n");
        TestVm.Result list = vm.vm("switch", "list");
        assertEquals(0, list.exit(), list.err());
        assertEquals("NAME    TYPE      IFACE  ADDRESS  PRIVATE  MTU    VLAN  PORTS\n"
                + "public  standard  -      -        no       jumbo  ten   -\n", list.out());
        String json = vm.vm("switch", "list", "--json").out();
        assertTrue(json.contains("\"mtu\" : \"jumbo\"") && json.contains("\"vlan\" : \"ten\""), json);
        assertTrue(vm.vm("switch", "info", "public").out().contains("  vlan: ten\n"));
    }

    @Test
    void valeAndNetgraphSwitchesAreConfigOnly() throws Exception {
        // hooks link2 and link3 are taken, link4 is the next free one
        vm.runner.answer("ngctl", argv -> Integer.parseInt(argv.get(4)) < 4 ? FakeRunner.ok("") : FakeRunner.fail());
        assertEquals(0, vm.vm("switch", "create", "-t", "vale", "v1").exit());
        assertEquals(0, vm.vm("switch", "create", "-t", "netgraph", "ng1").exit());
        assertEquals("switch_list=\"public v1 ng1\"\ntype_public=\"standard\"\ntype_v1=\"vale\"\ntype_ng1=\"netgraph\"\n",
                Files.readString(systemConf));
        refused("vlan support is not currently implemented for vale switches", "switch", "vlan", "v1", "10");
        refused("physical interfaces must be added to the netgraph switch manually", "switch", "add", "ng1", "em0");
        refused("unable to configure private mode on vale switches", "switch", "private", "v1", "on");
        TestVm.Result list = vm.vm("switch", "list");
        assertTrue(list.out().contains("v1      vale      vale"), list.out());
        assertTrue(list.out().contains("netgraph,path=ng1:,peerhook=link4"), list.out());
    }

    @Test
    void privateAndNat() throws Exception {
        assertEquals(0, vm.vm("switch", "private", "public", "on").exit());
        assertTrue(Files.readString(systemConf).endsWith("private_public=\"yes\"\n"));
        vm.vm("switch", "private", "public", "off");
        assertTrue(Files.readString(systemConf).endsWith("private_public=\"no\"\n"));
        // anything but NAME on|off gets upstream's two warnings, and changes nothing
        for (List<String> args : List.of(List.of("switch", "nat"), List.of("switch", "nat", "public"),
                List.of("switch", "nat", "public", "yes"), List.of("switch", "nat", "public", "on", "now"))) {
            String before = Files.readString(systemConf);
            TestVm.Result nat = vm.vm(args.toArray(String[]::new));
            assertEquals(0, nat.exit(), args.toString());
            assertEquals("vm: WARNING: internal nat support is currently disabled\n"
                    + "vm: WARNING: please add an address to the virtual switch and configure your firewall for NAT"
                    + " manually\n", nat.err(), args.toString());
            assertEquals(before, Files.readString(systemConf));
        }
        refused("switch public has no IPv4 address: add one first with vm switch address public a.b.c.d/xx",
                "switch", "nat", "public", "on");
    }

    @Test
    void natOnFeedsTheRuleToPfctlOnStdin() throws Exception {
        Files.writeString(systemConf, "switch_list=\"public\"\ntype_public=\"standard\"\naddr_public=\"10.0.0.1/24\"\n");
        vm.runner.answer("ifconfig", argv -> FakeRunner.ok(argv.get(1).equals("-g") ? "vm-public\n" : ""))
                .answer("pfctl", argv -> FakeRunner.ok(argv.contains("info") ? "Status: Enabled for 1 days\n"
                        : argv.contains("nat") && argv.size() == 3 ? "nat-anchor \"vm-bhyve/*\" all\n" : ""))
                .answer("route", argv -> FakeRunner.ok("    gateway: 192.0.2.1\n  interface: igb1\n"));
        assertEquals(0, vm.vm("switch", "nat", "public", "on").exit());
        int load = vm.runner.calls().indexOf(List.of("pfctl", "-a", "vm-bhyve/public", "-f", "-"));
        assertEquals("nat on igb1 inet from 10.0.0.0/24 to any -> (igb1)\n", vm.runner.input(load));
        assertTrue(vm.runner.calls().contains(List.of("sysctl", "net.inet.ip.forwarding=1")));
        assertTrue(Files.readString(systemConf).endsWith("nat_public=\"yes\"\n"));
    }

    @Test
    void importIsAManualSwitchAndMatchesOnlyInFull() throws Exception {
        TestVm.Result imported = vm.vm("switch", "import", "office", "bridge0");
        assertEquals(0, imported.exit(), imported.err());
        assertEquals("switch_list=\"public office\"\ntype_public=\"standard\"\ntype_office=\"manual\"\n"
                + "bridge_office=\"bridge0\"\n", Files.readString(systemConf));
        assertEquals(List.of(List.of("ifconfig", "bridge0"), List.of("ifconfig", "bridge0", "group", "vm-switch", "up"),
                List.of("ifconfig", "bridge0", "group", "viid-e72f4@")), vm.runner.calls("ifconfig"));
        // create's checks and messages
        refused("switch office already exists", "switch", "import", "office", "bridge0");
        refused("you must specify a bridge to import when creating a manual switch", "switch", "import", "lab");
        refused("invalid switch name - 'a/b'", "switch", "import", "a/b", "bridge0");
        vm.runner.answer("ifconfig", argv -> FakeRunner.fail());
        refused("nosuch does not appear to be a valid existing bridge", "switch", "import", "lab", "nosuch");
        // every abbreviation keeps its meaning: i and in are info; im, imp, impor are no word at all
        for (String word : List.of("i", "in", "I")) {
            assertTrue(vm.vm("switch", word, "office").out().startsWith("------------------------\nVirtual Switch: office\n"),
                    word);
        }
        for (String word : List.of("im", "imp", "impor", "Import", "importx")) {
            String before = Files.readString(systemConf);
            TestVm.Result r = vm.vm("switch", word, "lab", "bridge0");
            assertEquals(0, r.exit(), word);
            assertTrue(r.out().startsWith("Usage:"), word);
            assertEquals(before, Files.readString(systemConf), word);
        }
    }

    @Test
    void addressesOnAStandardSwitch() throws Exception {
        vm.runner.answer("ifconfig", argv -> argv.equals(List.of("ifconfig", "-g", "viid-4c918@"))
                ? FakeRunner.ok("vm-public\n") : FakeRunner.ok(""));
        refused("address must be supplied in cidr notation (e.g. 192.0.2.1/24, 3fff::1/64)",
                "switch", "address", "public", "10.0.0.1");
        assertEquals(0, vm.vm("switch", "address", "public", "10.0.0.1/24").exit());
        assertEquals(0, vm.vm("switch", "address", "public", "fd00::1/64").exit());
        assertEquals(List.of("ifconfig", "vm-public", "inet6", "fd00::1/64", "auto_linklocal"),
                vm.runner.calls("ifconfig").get(vm.runner.calls("ifconfig").size() - 1));
        refused("The specified IP address is already assigned to this switch.", "switch", "address", "public", "10.0.0.1/24");
        TestVm.Result list = vm.vm("switch", "list");
        // the IPv6 row holds blanks as wide as the first row's cells; empty ones drop out as in column -t
        assertEquals("NAME    TYPE      IFACE      ADDRESS      PRIVATE  MTU  VLAN  PORTS\n"
                + "public  standard  vm-public  10.0.0.1/24  no       -    -     -\n"
                + " ".repeat(29) + "fd00::1/64" + " ".repeat(3) + "  \n", list.out());
        refused("specified address 10.9.9.9/24 is not assigned to this switch",
                "switch", "address", "public", "10.9.9.9/24", "delete");
        assertEquals(0, vm.vm("switch", "address", "public", "none").exit());
        assertEquals("switch_list=\"public\"\ntype_public=\"standard\"\n", Files.readString(systemConf));
        refused("unable to locate an existing address for this switch", "switch", "address", "public", "none");
        refused("unable to locate specified virtual switch", "switch", "address", "nosuch", "10.0.0.1/24");
    }
}
