package org.vmbhyve.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.vmbhyve.host.FakeRunner;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;

/**
 * Runs {@code vm} in-process against a temporary {@code $vm_dir} with a recording runner: the
 * way plain CLI behaviour is tested, without spawning a JVM.
 */
final class TestVm {

    record Result(int exit, String out, String err) {
    }

    final Path root;
    final Path vmDir;
    final Path rcConf;
    final FakeRunner runner = new FakeRunner();
    final Map<String, String> env = new HashMap<>();
    long uid = 0;
    String hostname = "fakehost";

    TestVm(Path root) throws IOException {
        this.root = root;
        this.vmDir = root.resolve("vm");
        this.rcConf = root.resolve("rc.conf");
        Files.createDirectories(vmDir);
        Files.createDirectories(root.resolve("host/dev/vmm"));
        Files.writeString(rcConf, "vm_enable=\"YES\"\nvm_dir=\"" + vmDir + "\"\n");
        env.put("VM_RC_CONF", rcConf.toString());
    }

    /** Copies a template of the project's templates/ into $vm_dir/.templates. */
    TestVm template(String name) throws IOException {
        Files.createDirectories(vmDir.resolve(".templates"));
        Files.copy(Path.of("templates", name + ".conf"), vmDir.resolve(".templates/" + name + ".conf"));
        return this;
    }

    /** The guest's NAME.conf as it is on disk. */
    String conf(String guest) throws IOException {
        return Files.readString(vmDir.resolve(guest + "/" + guest + ".conf"));
    }

    Result vm(String... args) {
        return vmWithInput("", args);
    }

    Result vmWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Host host = new Host() {
            @Override
            public long uid() {
                return uid;
            }

            @Override
            public String hostname() {
                return hostname;
            }

            @Override
            public String cpuModel() {
                return runner.run("sysctl", "hw.model").stdout();
            }

            @Override
            public Optional<Integer> osReldate() {
                return Optional.of(1500068);
            }
        };
        Invocation io = new Invocation("vm", env, new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(input)), () -> false, root, runner, host,
                new HostPaths(root.resolve("host")),
                Clock.fixed(Instant.parse("2026-01-31T13:05:09Z"), ZoneOffset.ofHours(1)), new Random(1));
        int exit = new Dispatcher(io).run(List.of(args));
        return new Result(exit, out.toString(), err.toString());
    }
}
