package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.host.FakeRunner;

/** Start-up checks, dispatch, help and exit statuses: spec 01-cli §1. */
class DispatcherTest {

    @TempDir
    Path root;
    TestVm vm;

    @BeforeEach
    void setUp() throws Exception {
        vm = new TestVm(root);
    }

    @Test
    void noCommand() {
        TestVm.Result r = vm.vm();
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: no command specified\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void versionNeedsNoChecks() {
        vm.uid = 1001;
        TestVm.Result r = vm.vm("version");
        assertEquals(0, r.exit());
        assertEquals("vm-bhyve: Bhyve virtual machine management v0.2.0\n", r.out());
        assertEquals(List.of(), vm.runner.calls());
    }

    @Test
    void usageExitsOne() {
        TestVm.Result r = vm.vm("usage");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("vm-bhyve: Bhyve virtual machine management v0.2.0\n\nAvailable subcommands"));
    }

    @Test
    void unknownCommandShowsUsageAfterTheChecks() {
        vm.uid = 1001;
        TestVm.Result r = vm.vm("frobnicate");
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: virtual machines can only be managed by root\n", r.err());
        vm.uid = 0;
        r = vm.vm("frobnicate");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Available subcommands grouped by scenario:"));
    }

    /** What a user other than root may run: the listings, on what exists, with no host check and no write. */
    @Test
    void readOnlyCommandsWorkForOtherUsersAndChangeNothing() throws Exception {
        vm.uid = 0;
        assertEquals(0, vm.vm("list").exit());
        Files.writeString(vm.vmDir.resolve(".config/system.conf"),
                "console=\"tmux\"\nswitch_list=\"public\"\ntype_public=\"standard\"\n");
        Files.createDirectories(vm.vmDir.resolve("web"));
        Files.writeString(vm.vmDir.resolve("web/web.conf"), "loader=\"bhyveload\"\ncpu=1\nmemory=256M\ntags=\"db\"\n");
        Files.writeString(vm.vmDir.resolve(".iso/os.iso"), "");
        vm.runner.answer("qemu-img", argv -> FakeRunner.ok(""));
        Map<String, String> asRoot = new java.util.LinkedHashMap<>();
        List<List<String>> commands = List.of(List.of("list"), List.of("info", "web"), List.of("get", "all"),
                List.of("switch", "list"), List.of("sw", "info", "public"), List.of("datastore", "list"),
                List.of("iso"), List.of("img"), List.of("tags", "list", "web"), List.of("tags", "find", "db"));
        for (List<String> command : commands) {
            TestVm.Result r = vm.vm(command.toArray(String[]::new));
            assertEquals(0, r.exit(), command + r.err());
            asRoot.put(String.join(" ", command), r.out());
        }
        String before = tree();
        vm.uid = 1001;
        for (List<String> command : commands) {
            int calls = vm.runner.calls().size();
            TestVm.Result r = vm.vm(command.toArray(String[]::new));
            assertEquals(0, r.exit(), command + r.err());
            assertEquals("", r.err(), command.toString());
            assertEquals(asRoot.get(String.join(" ", command)), r.out(), command.toString());
            List<String> tools = vm.runner.calls().subList(calls, vm.runner.calls().size()).stream()
                    .map(argv -> argv.get(0)).toList();
            assertTrue(tools.stream().noneMatch(List.of("kldstat", "kldload", "sysctl")::contains), command + " " + tools);
        }
        assertEquals(before, tree(), "a read-only command changed $vm_dir");
    }

    /** On a fresh $vm_dir a read-only command creates none of the directories a root run makes. */
    @Test
    void readOnlyCommandsCreateNothing() throws Exception {
        vm.uid = 1001;
        assertEquals(0, vm.vm("list").exit());
        assertEquals(0, vm.vm("get", "all").exit());
        assertEquals("", tree());
        assertEquals(List.of(), vm.runner.calls("kldstat"));
    }

    /** Whatever may change something stays root's, with upstream's error, before any of its own checks. */
    @Test
    void everythingElseStaysRootOnly() {
        vm.uid = 1001;
        for (List<String> command : List.of(List.of("set", "console=tmux"), List.of("create", "web"),
                List.of("switch", "create", "public"), List.of("switch"), List.of("switch", "bogus"),
                List.of("datastore", "add", "x", "/tmp"), List.of("iso", "http://example.org/os.iso"),
                List.of("img", "-d", "default", "http://example.org/os.img"), List.of("tags", "add", "web", "x"),
                List.of("stop", "web"), List.of("stopall"), List.of("start", "web"), List.of("init"),
                List.of("image", "create", "web"), List.of("switch", "a"))) {
            TestVm.Result r = vm.vm(command.toArray(String[]::new));
            assertEquals(1, r.exit(), command.toString());
            assertEquals("vm: ERROR: virtual machines can only be managed by root\n", r.err(), command.toString());
            assertEquals("", r.out(), command.toString());
        }
        assertEquals(List.of(), vm.runner.calls());
    }

    private String tree() throws java.io.IOException {
        try (var walk = Files.walk(vm.vmDir)) {
            StringBuilder out = new StringBuilder();
            for (Path p : walk.sorted().toList()) {
                if (!p.equals(vm.vmDir)) {
                    out.append(vm.vmDir.relativize(p)).append(' ').append(Files.isDirectory(p) ? "" : Files.readString(p))
                            .append('\n');
                }
            }
            return out.toString();
        }
    }

    @Test
    void ambiguousCommand() {
        TestVm.Result r = vm.vm("sta", "web");
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: ambiguous command 'sta'\n", r.err());
    }

    @Test
    void commandHelpWithDashH() {
        vm.uid = 1001;
        TestVm.Result r = vm.vm("cre", "-h");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage:\n    vm create"), r.out());
        assertEquals(r.out(), vm.vm("help", "create").out());
    }

    @Test
    void helpForWordsWithoutABlockShowsUsage() {
        assertEquals(1, vm.vm("help", "init").exit());
        assertEquals(1, vm.vm("help").exit());
        assertEquals(1, vm.vm("help", "nosuch").exit());
        TestVm.Result r = vm.vm("help", "st");
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: ambiguous command 'st'\n", r.err());
        assertEquals("", vm.vm("help", "_run").out());
    }

    @Test
    void dashHOnlyCountsAsSecondWord() {
        TestVm.Result r = vm.vm("-h");
        assertEquals(1, r.exit());
        assertTrue(r.out().contains("Available subcommands"));
    }

    @Test
    void enableMustBeSetProperly() throws Exception {
        Files.writeString(vm.rcConf, "vm_dir=\"" + vm.vmDir + "\"\n");
        TestVm.Result r = vm.vm("list");
        assertEquals(1, r.exit());
        assertEquals("vm: WARNING: $vm_enable is not set properly - see rc.conf(5).\n"
                + "vm: ERROR: $vm_enable is not enabled in /etc/rc.conf!\n", r.err());
        Files.writeString(vm.rcConf, "vm_enable=\"NO\"\nvm_dir=\"" + vm.vmDir + "\"\n");
        assertEquals("vm: ERROR: $vm_enable is not enabled in /etc/rc.conf!\n", vm.vm("list").err());
        vm.env.put("rc_force", "yes");
        assertEquals(0, vm.vm("list").exit());
    }

    @Test
    void vmmThatCannotLoad() {
        vm.runner.answer("kldstat", argv -> FakeRunner.fail()).answer("kldload", argv -> FakeRunner.fail());
        TestVm.Result r = vm.vm("list");
        assertEquals("vm: ERROR: unable to load vmm.ko!\n", r.err());
        assertEquals(1, r.exit());
    }

    @Test
    void vmmLoadedButNotInitialised() {
        vm.runner.answer("kldstat", argv -> argv.contains("-qn") ? FakeRunner.ok("") : FakeRunner.fail());
        assertEquals("vm: ERROR: virtualization is not supported or is disabled\n", vm.vm("list").err());
    }

    @Test
    void intelWithoutVtx() {
        vm.runner.answer("sysctl", argv -> argv.contains("hw.model")
                ? FakeRunner.ok("hw.model: Intel(R) Xeon\n") : FakeRunner.ok("0\n"));
        assertEquals("vm: ERROR: kernel vmm not initialised (no VT-x / AMD SVM cpu support?)\n", vm.vm("list").err());
    }

    /**
     * A dry run is a preview: any user may run it, it asks the host nothing (no vmm probe, no
     * module load) and creates nothing in $vm_dir; the same start for real keeps every check.
     */
    @Test
    void aDryRunChecksAndCreatesNothing() throws Exception {
        Path guest = Files.createDirectories(vm.vmDir.resolve("web"));
        Files.writeString(guest.resolve("web.conf"), "loader=\"bhyveload\"\ncpu=1\nmemory=256M\n"
                + "disk0_type=\"virtio-blk\"\ndisk0_name=\"disk0.img\"\n"
                + "uuid=\"7b2b3b5e-1d9a-11ef-9a1e-589cfc000001\"\n");
        vm.runner.answer("kldstat", argv -> FakeRunner.fail()).answer("kldload", argv -> FakeRunner.fail());
        String preview = "bhyveload -c /dev/nmdm-web.1A -m 256M -e smbios.system.uuid=7b2b3b5e-1d9a-11ef-9a1e-589cfc000001"
                + " -e autoboot_delay=3 -e bhyve_vm_name=web -d " + guest.resolve("disk0.img") + " web\n"
                + "bhyve -s 0,hostbridge -s 31,lpc -s 0:4:0,virtio-blk," + guest.resolve("disk0.img")
                + " -c 1 -m 256M -AHPw -U 7b2b3b5e-1d9a-11ef-9a1e-589cfc000001 -u -l com1,/dev/nmdm-web.1A web\n";
        for (long uid : new long[] {1001, 0}) {
            vm.uid = uid;
            TestVm.Result r = vm.vm("start", "--dry-run", "web");
            assertEquals(0, r.exit(), r.err());
            assertEquals(preview, r.out());
            assertEquals(List.of(), vm.runner.calls());
        }
        try (var entries = Files.list(vm.vmDir)) {
            assertEquals(List.of(guest), entries.toList(), "a preview made the directory skeleton");
        }

        vm.uid = 1001;
        assertEquals("vm: ERROR: virtual machines can only be managed by root\n", vm.vm("start", "web").err());
        vm.uid = 0;
        assertEquals("vm: ERROR: unable to load vmm.ko!\n", vm.vm("start", "web").err());
    }

    @Test
    void hostChecksCanBeDisabled() throws Exception {
        Files.writeString(vm.rcConf, "vm_enable=YES\nvm_dir=\"" + vm.vmDir + "\"\nvm_disable_host_checks=yes\n");
        vm.runner.answer("kldstat", argv -> FakeRunner.fail());
        assertEquals(0, vm.vm("list").exit());
    }

    @Test
    void vmDirMustExist() throws Exception {
        Files.writeString(vm.rcConf, "vm_enable=YES\nvm_dir=\"" + root.resolve("nope") + "\"\n");
        assertEquals("vm: ERROR: $vm_dir has not been configured or is not a valid directory\n", vm.vm("list").err());
    }

    @Test
    void zfsVmDirIsFoundThroughMount() throws Exception {
        Files.writeString(vm.rcConf, "vm_enable=YES\nvm_dir=\"zfs:tank/vm\"\n");
        vm.runner.answer("mount", argv -> FakeRunner.ok("tank/vmx on /nowhere (zfs)\ntank/vm on " + vm.vmDir + " (zfs, local)\n"));
        TestVm.Result r = vm.vm("datastore", "list");
        assertEquals(0, r.exit(), r.err());
        assertEquals(String.format("%-15s %-11s %-25s %s%n%-15s %-11s %-25s %s%n",
                "NAME", "TYPE", "PATH", "ZFS DATASET", "default", "zfs", vm.vmDir, "tank/vm"), r.out());
        vm.runner.answer("mount", argv -> FakeRunner.ok(""));
        assertEquals("vm: ERROR: unable to locate mountpoint for ZFS dataset tank/vm\n", vm.vm("list").err());
    }

    @Test
    void startupMakesTheLayout() {
        assertEquals(0, vm.vm("list").exit());
        for (String p : List.of(".config", ".config/null.iso", ".config/system.conf", ".templates", ".iso", ".img")) {
            assertTrue(Files.exists(vm.vmDir.resolve(p)), p);
        }
    }

    @Test
    void legacyConfigIsCarriedIntoSystemConf() throws Exception {
        Files.createDirectories(vm.vmDir.resolve(".config"));
        Files.writeString(vm.vmDir.resolve(".config/switch"), "switch_list=\"public\"\n");
        Files.writeString(vm.vmDir.resolve(".config/datastore"), "datastore_list=\"ssd\"\n");
        vm.vm("list");
        assertEquals("switch_list=\"public\"\ndatastore_list=\"ssd\"\n",
                Files.readString(vm.vmDir.resolve(".config/system.conf")));
    }

    @Test
    void getAndSet() throws Exception {
        assertEquals(0, vm.vm("set", "console=tmux", "suspend=yes").exit());
        assertEquals("console=\"tmux\"\nsuspend=\"yes\"\n", Files.readString(vm.vmDir.resolve(".config/system.conf")));
        TestVm.Result r = vm.vm("get", "all");
        assertEquals(String.format("%-20s%s%n%-20s%s%n%-20s%s%n%-20s%s%n%-20s%s%n", "SETTING", "VALUE",
                "console", "tmux", "compress", "-", "decompress", "-", "suspend", "yes"), r.out());
        assertEquals(String.format("%-20s%s%n%-20s%s%n", "SETTING", "VALUE", "console", "tmux"),
                vm.vm("get", "console", "bogus").out());
        TestVm.Result bad = vm.vm("set", "ole=x");
        assertEquals(1, bad.exit());
        assertEquals("vm: ERROR: invalid configuration setting - 'ole'\n", bad.err());
        assertEquals("vm: ERROR: invalid configuration setting - 'console'\n", vm.vm("set", "console").err());
        assertEquals("console=\"tmux\"\nsuspend=\"yes\"\n", Files.readString(vm.vmDir.resolve(".config/system.conf")));
    }
}
