package org.vmbhyve.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A fake FreeBSD host in a temporary directory: the stub tools of {@code src/test/fakehost/bin}
 * first on PATH, their state, an rc.conf enabling vm with {@code ROOT/vm} as {@code $vm_dir}, and
 * a host root for {@code /dev}. {@link #vm} runs the real launcher against it.
 */
final class FakeHost {

    /** One run of a command: what it printed, how it ended, and the host tools it called. */
    record Run(int exit, String stdout, String stderr, List<String> hostCalls) {
    }

    static final Path PROJECT = Path.of(System.getProperty("vm.project", ".")).toAbsolutePath().normalize();
    static final Path LAUNCHER = PROJECT.resolve("scripts/vm");
    static final Path STUBS = PROJECT.resolve("src/test/fakehost/bin");
    static final Path TEMPLATES = PROJECT.resolve("templates");
    /** Stubs of optional packages ({@code dnsmasq}): a test installs one by copying it to {@link #packages}. */
    static final Path PACKAGE_STUBS = PROJECT.resolve("src/test/fakehost/pkg");
    /** Wrappers of real Linux tools ({@code truncate}, ...) that honour the faults. */
    static final Path REAL_WRAPPERS = PROJECT.resolve("src/test/fakehost/real");

    final Path root;
    final Path vmDir;
    final Path state;
    final Path hostRoot;
    final Path rcConf;
    /** The host's {@code /usr/local/sbin}, on PATH after the stubs and empty until a package is installed. */
    final Path packages;
    private final Map<String, String> extraEnv = new HashMap<>();
    /** The umask every {@link #vm} run gets (null: the test JVM's own). */
    String umask;

    FakeHost(Path root) throws IOException {
        this.root = root.toRealPath();
        this.vmDir = this.root.resolve("vm");
        this.state = this.root.resolve("state");
        this.hostRoot = this.root.resolve("host");
        this.rcConf = this.root.resolve("rc.conf");
        this.packages = hostRoot.resolve("usr/local/sbin");
        Files.createDirectories(vmDir);
        Files.createDirectories(state.resolve("kld"));
        Files.createFile(state.resolve("kld/vmm"));
        Files.createFile(state.resolve("kld/zfs"));
        Files.createDirectories(hostRoot.resolve("dev/vmm"));
        Files.createDirectories(packages);
        wrapRealTools();
        // a physical NIC to use as a switch uplink
        Files.createDirectories(state.resolve("if/em0"));
        Files.writeString(state.resolve("if/em0/inet"), "192.0.2.10/24\n");
        Files.writeString(rcConf, "vm_enable=\"YES\"\nvm_dir=\"" + vmDir + "\"\n");
    }

    /**
     * A host with vm initialised, a {@code public} switch and two stopped guests, {@code web}
     * and {@code db}, started at boot in that order with no delay.
     */
    static FakeHost withTwoGuests(String prefix) throws IOException, InterruptedException {
        FakeHost host = new FakeHost(Files.createTempDirectory(prefix));
        Files.writeString(host.rcConf, "vm_delay=\"0\"\nvm_list=\"web db\"\n", java.nio.file.StandardOpenOption.APPEND);
        for (List<String> step : List.of(List.of("init"), List.of("switch", "create", "public"),
                List.of("create", "-s", "1G", "web"), List.of("create", "-s", "1G", "db"))) {
            if (step.size() == 3) {
                host.sh("cp $TEMPLATES/default.conf vm/.templates/");
            }
            Run run = host.vm(step.toArray(String[]::new));
            if (run.exit() != 0) {
                throw new IllegalStateException("set-up failed: " + step + "\n" + run.stderr());
            }
        }
        return host;
    }

    /** Ends every stub bhyve still running, whatever a test did. */
    void endStubGuests() throws IOException {
        Files.deleteIfExists(state.resolve("bhyve-ignores-acpi"));
        Path procs = state.resolve("procs");
        if (Files.exists(procs)) {
            for (String line : Files.readAllLines(procs)) {
                ProcessHandle.of(Long.parseLong(line.split(" ")[0])).ifPresent(ProcessHandle::destroy);
            }
        }
    }

    /** Waits for something a detached supervisor does; generous, as they are separate JVMs and CI machines are slow. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    /**
     * Links the wrapper of each real tool this machine has into the host's {@code real/} dir on
     * PATH; a tool the machine lacks stays missing, so commands still see it is not installed.
     */
    private void wrapRealTools() throws IOException {
        Path dir = Files.createDirectories(root.resolve("real"));
        try (var wrappers = Files.list(REAL_WRAPPERS)) {
            for (Path wrapper : wrappers.filter(p -> !p.getFileName().toString().startsWith("_")).toList()) {
                if (OptionalTools.installed(wrapper.getFileName().toString())) {
                    Files.createSymbolicLink(dir.resolve(wrapper.getFileName()), wrapper);
                }
            }
        }
    }

    /** Makes calls of TOOL whose arguments match the glob PATTERN ({@code =ARGS}: exactly) fail as FAULT says. */
    void fail(String tool, String pattern, Fault fault) throws IOException {
        Files.writeString(state.resolve("faults"), fault.line(tool, pattern),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The calls failed so far, as {@code tool args} lines. */
    List<String> faultsHit() throws IOException {
        Path log = state.resolve("faults.log");
        return Files.exists(log) ? Files.readAllLines(log).stream().map(l -> l.substring(l.indexOf('\t') + 1)).toList() : List.of();
    }

    void env(String name, String value) {
        extraEnv.put(name, value);
    }

    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", STUBS + ":" + root.resolve("real") + ":" + packages + ":" + System.getenv("PATH"));
        env.put("FAKEHOST_STUBS", STUBS.toString());
        env.put("FAKEHOST_PKG", PACKAGE_STUBS.toString());
        env.put("FAKEHOST_STATE", state.toString());
        env.put("VM_HOST_ROOT", hostRoot.toString());
        env.put("VM_RC_CONF", rcConf.toString());
        env.put("TEMPLATES", TEMPLATES.toString());
        env.put("FAKEHOST_VM", LAUNCHER.toString());
        env.remove("rc_force");
        env.putAll(extraEnv);
        return env;
    }

    /** Runs {@code vm ARGS} with stdin closed, from the host root directory. */
    Run vm(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        if (umask != null) {
            argv.addAll(List.of("/bin/sh", "-c", "umask " + umask + " && exec \"$0\" \"$@\""));
        }
        argv.add(LAUNCHER.toString());
        argv.addAll(List.of(args));
        return exec(argv, "");
    }

    /**
     * Runs {@code vm ARGS} as the real unprivileged user nobody (see {@link Unprivileged}); the
     * host's own set-up is opened to it first, {@code $vm_dir}'s content is left as vm made it.
     */
    Run vmAsNobody(String... args) throws IOException, InterruptedException {
        for (Path p : List.of(state, hostRoot, rcConf)) {
            Unprivileged.openToAll(p);
        }
        for (Path p : List.of(root, vmDir)) {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        List<String> argv = new ArrayList<>(Unprivileged.prefix());
        argv.add(Unprivileged.launcher().toString());
        argv.addAll(List.of(args));
        Map<String, String> env = environment();
        Unprivileged.adapt(env);
        return exec(argv, "", env);
    }

    /** Runs {@code vm ARGS} with the given text on stdin. */
    Run vmWithInput(String input, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>();
        argv.add(LAUNCHER.toString());
        argv.addAll(List.of(args));
        return exec(argv, input);
    }

    /** A {@code vm} run started in the background, for commands racing each other. */
    record Spawned(Process process, Path out, Path err) {

        /** Waits for it to end (bounded) and reads what it printed; the host log is shared, see {@link #hostLog}. */
        Run finish() throws IOException, InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + process.info().commandLine().orElse("vm"));
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err), List.of());
            Files.delete(out);
            Files.delete(err);
            return run;
        }
    }

    /** Starts {@code vm ARGS} without waiting and without clearing the host log. */
    Spawned spawn(String... args) throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(LAUNCHER.toString());
        argv.addAll(List.of(args));
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(environment());
        return new Spawned(pb.start(), out, err);
    }

    /** The host tools called since the last {@link #vm} run cleared the log, every process's. */
    List<String> hostLog() throws IOException {
        Path log = state.resolve("host.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** A set-up step in sh, run in the host root (as the recorded examples' {@code @} lines). */
    void sh(String script) throws IOException, InterruptedException {
        Run run = exec(List.of("/bin/sh", "-c", script), "");
        if (run.exit() != 0) {
            throw new IllegalStateException("set-up failed: " + script + "\n" + run.stderr());
        }
    }

    private Run exec(List<String> argv, String input) throws IOException, InterruptedException {
        return exec(argv, input, environment());
    }

    private Run exec(List<String> argv, String input, Map<String, String> env) throws IOException, InterruptedException {
        Path log = state.resolve("host.log");
        Files.deleteIfExists(log);
        if (env.containsKey("FAKEHOST_REAL_ID")) {
            // the stubs an unprivileged vm calls record their calls too (host.log, calls.log)
            Path calls = state.resolve("calls.log");
            for (Path written : List.of(Files.createFile(log), Files.exists(calls) ? calls : Files.createFile(calls))) {
                Files.setPosixFilePermissions(written, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
            }
        }
        Path out = Files.createTempFile(root, "out", ".txt");
        Path err = Files.createTempFile(root, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(argv).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + argv);
        }
        List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err), calls);
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
