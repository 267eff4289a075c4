package org.vmbhyve.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.vmbhyve.config.FreshPath;
import org.vmbhyve.guest.Tree;
import org.vmbhyve.host.Host;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.ProcessResult;
import org.vmbhyve.host.ProcessRunner;
import org.vmbhyve.host.SystemHost;
import org.vmbhyve.host.SystemProcessRunner;
import org.vmbhyve.host.ToolPath;

/**
 * {@code vm _train}: the run the launcher records its start-up archive from. It drives the
 * common commands in this process against a scratch host in a temporary directory, with host
 * tools that only answer and a root user, so it needs no privileges, no bhyve and changes
 * nothing outside that directory, which it removes. Everything it prints is discarded; the
 * exit status says whether every command succeeded.
 */
final class Training {

    /** The commands whose classes the archive should hold, in an order in which each succeeds. */
    private static final List<List<String>> SESSION = List.of(
            List.of("init"),
            List.of("switch", "create", "public"),
            List.of("switch", "list"),
            List.of("create", "-t", "train", "-s", "1G", "scratch"),
            List.of("list"),
            List.of("info"),
            List.of("info", "scratch"),
            List.of("start", "--dry-run", "scratch"),
            List.of("get", "all", "scratch"),
            List.of("datastore", "list"),
            List.of("destroy", "-f", "scratch"),
            List.of("version"),
            List.of("_complete", "2", "vm", "start", ""));

    /** A Linux guest booted by grub-bhyve, the kind of guest most hosts run. */
    private static final String TEMPLATE = """
            loader="grub"
            cpu=2
            memory=512M
            disk0_type="virtio-blk"
            disk0_name="disk0.img"
            network0_type="virtio-net"
            network0_switch="public"
            """;

    private Training() {
    }

    static int run(Invocation io) throws IOException {
        // the real host's own doors, read-only: this process's user id and one harmless probe
        new SystemHost(io.runner()).uid();
        new SystemProcessRunner(new ToolPath(io.env().get("PATH"))).run("id", "-u");

        Path root = FreshPath.directory(Path.of(System.getProperty("java.io.tmpdir")), "vm-train-");
        boolean failed = false;
        try {
            Path vmDir = Files.createDirectories(root.resolve("vm"));
            Files.createDirectories(vmDir.resolve(".templates"));
            Files.writeString(vmDir.resolve(".templates/train.conf"), TEMPLATE);
            Path rcConf = root.resolve("rc.conf");
            Files.writeString(rcConf, "vm_enable=\"YES\"\nvm_dir=\"" + vmDir + "\"\n");
            PrintWriter discard = new PrintWriter(Writer.nullWriter());
            Invocation scratch = new Invocation(io.argv0(), Map.of("VM_RC_CONF", rcConf.toString()),
                    discard, discard, new BufferedReader(new StringReader("")), new NoTerminal(), root,
                    new AnsweringRunner(), new RootHost(), new HostPaths(root.resolve("host")),
                    Clock.systemUTC(), new Random(0));
            for (List<String> args : SESSION) {
                failed |= new Dispatcher(scratch).run(args) != 0;
            }
        } finally {
            Tree.delete(root);
        }
        return failed ? 1 : 0;
    }

    /**
     * The scratch host's tools: all installed, they succeed and start nothing; a new interface
     * gets a name, and {@code truncate} makes its (scratch) file, as the commands check both.
     */
    private static final class AnsweringRunner implements ProcessRunner {

        @Override
        public ProcessResult run(List<String> argv) {
            if (argv.get(0).equals("ifconfig") && argv.contains("create")) {
                return new ProcessResult(0, "bridge0\n", "");
            }
            if (argv.get(0).equals("truncate")) {
                try {
                    Files.createFile(Path.of(argv.get(argv.size() - 1)));
                } catch (IOException e) {
                    return new ProcessResult(1, "", e.getMessage());
                }
            }
            return new ProcessResult(0, "", "");
        }

        @Override
        public ProcessResult run(List<String> argv, String input) {
            return run(argv);
        }

        @Override
        public ProcessResult runShowingErrors(List<String> argv) {
            return run(argv);
        }

        @Override
        public int runAttached(List<String> argv) {
            return 0;
        }

        @Override
        public Process start(List<String> argv, Path dir, boolean attached, ProcessBuilder.Redirect stderr)
                throws IOException {
            throw new IOException("the scratch host starts no processes");
        }

        @Override
        public List<Integer> pipeline(List<List<String>> commands, ProcessBuilder.Redirect input,
                ProcessBuilder.Redirect output) {
            return Collections.nCopies(commands.size(), 0);
        }

        @Override
        public boolean available(String tool) {
            return true;
        }

        @Override
        public Optional<Path> which(String tool) {
            return Optional.of(Path.of("/usr/local/sbin", tool));
        }
    }

    /** The scratch host has no terminal: nothing prompts or draws progress. */
    private static final class NoTerminal implements BooleanSupplier {

        @Override
        public boolean getAsBoolean() {
            return false;
        }
    }

    /** The scratch host's facts: run as root, as the managing commands require. */
    private static final class RootHost implements Host {

        @Override
        public long uid() {
            return 0;
        }

        @Override
        public String hostname() {
            return "scratch";
        }

        @Override
        public String cpuModel() {
            return "";
        }

        @Override
        public Optional<Integer> osReldate() {
            return Optional.empty();
        }
    }
}
