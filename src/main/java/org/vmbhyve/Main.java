package org.vmbhyve;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.vmbhyve.cli.Dispatcher;
import org.vmbhyve.cli.Invocation;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.LazySecureRandom;
import org.vmbhyve.host.LocalClock;
import org.vmbhyve.host.SystemHost;
import org.vmbhyve.host.SystemProcessRunner;
import org.vmbhyve.host.ToolPath;

/** The {@code vm} command. The launcher passes the name it was called by as {@code -Dvm.argv0}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int status = run(new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, false, StandardCharsets.UTF_8), args);
        // Success with no other thread of ours left returns, and the JVM ends as on exit(0),
        // shutdown hooks included: since JDK 21 System.exit first sets up the platform logging
        // (about 10 ms) to log the exit. A helper thread still running (a child's input being
        // fed) must not keep the JVM alive, so then it exits as before.
        if (status != 0 || Thread.activeCount() > 1) {
            System.exit(status);
        }
    }

    /** Whether stdin is a terminal. A class, not a lambda: JDK 17's first lambda costs about 6 ms. */
    private static final class ConsoleCheck implements BooleanSupplier {
        @Override
        public boolean getAsBoolean() {
            return System.console() != null;
        }
    }

    /** Runs one command line against this machine and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Map<String, String> env = System.getenv();
        SystemProcessRunner runner = new SystemProcessRunner(new ToolPath(env.get("PATH")));
        // VM_HOST_ROOT roots /dev and the other fixed host paths elsewhere, for the test host
        String hostRoot = env.getOrDefault("VM_HOST_ROOT", "");
        SystemHost host = hostRoot.isEmpty() ? new SystemHost(runner) : SystemHost.emulated(runner);
        Invocation io = new Invocation(
                System.getProperty("vm.argv0", "vm"), env, out, err,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new ConsoleCheck(),
                Path.of("").toAbsolutePath(),
                runner, host,
                new HostPaths(Path.of(hostRoot.isEmpty() ? "/" : hostRoot)),
                new LocalClock(), new LazySecureRandom());
        return new Dispatcher(io).run(List.of(args));
    }
}
