package org.vmbhyve.doctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.vmbhyve.config.RcConf;
import org.vmbhyve.core.Startup;
import org.vmbhyve.core.Ui;
import org.vmbhyve.host.FakeRunner;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;

/**
 * A host for the checks' unit tests: an rc.conf enabling vm with a {@code $vm_dir} in a temporary
 * directory, a host root for {@code /dev} and {@code /boot}, and a recording runner whose
 * answers each test scripts. {@link #context} reads it all as {@code vm doctor} does.
 */
final class TestHost {

    final Path root;
    final Path vmDir;
    final Path rcConf;
    final HostPaths paths;
    final FakeRunner runner = new FakeRunner();
    long uid = 0;
    String cpuModel = "Intel(R) Xeon(R) CPU E5-2620 v4 @ 2.10GHz";
    Optional<Integer> osReldate = Optional.of(1402000);
    JavaRuntime java;

    TestHost(Path root) throws IOException {
        this.root = root;
        this.vmDir = root.resolve("vm");
        this.rcConf = root.resolve("rc.conf");
        this.paths = new HostPaths(root.resolve("host"));
        Files.createDirectories(vmDir.resolve(".config"));
        Files.writeString(vmDir.resolve(".config/system.conf"), "");
        Files.createDirectories(root.resolve("host/dev/vmm"));
        Files.writeString(rcConf, "vm_enable=\"YES\"\nvm_dir=\"" + vmDir + "\"\n");
        java = new JavaRuntime(root.resolve("jdk"), "21.0.5", null, null);
    }

    TestHost rc(String lines) throws IOException {
        Files.writeString(rcConf, lines + "\n", StandardOpenOption.APPEND);
        return this;
    }

    TestHost system(String lines) throws IOException {
        Files.writeString(vmDir.resolve(".config/system.conf"), lines + "\n", StandardOpenOption.APPEND);
        return this;
    }

    TestHost guest(String name, String config) throws IOException {
        Files.createDirectories(vmDir.resolve(name));
        Files.writeString(vmDir.resolve(name + "/" + name + ".conf"), config);
        return this;
    }

    /** Creates a file (and its directories) under the host root, e.g. {@code /boot/kernel/vmm.ko}. */
    Path file(String absolute) throws IOException {
        Path file = paths.get(absolute);
        Files.createDirectories(file.getParent());
        return Files.exists(file) ? file : Files.createFile(file);
    }

    DoctorContext context() {
        Map<String, String> env = Map.of("VM_RC_CONF", rcConf.toString());
        Host host = new Host() {
            @Override
            public long uid() {
                return uid;
            }

            @Override
            public String hostname() {
                return "fakehost";
            }

            @Override
            public String cpuModel() {
                return cpuModel;
            }

            @Override
            public Optional<Integer> osReldate() {
                return osReldate;
            }
        };
        var vm = new Startup(env, runner, host, Ui.SILENT).readOnly(paths, Clock.systemUTC(), new Random(0), root);
        return new DoctorContext(RcConf.load(env), runner, host, paths, vm, java);
    }

    List<Diagnosis> run(Check check) {
        return check.run(context());
    }
}
