package org.vmbhyve;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.vmbhyve.cli.Dispatcher;
import org.vmbhyve.cli.Invocation;
import org.vmbhyve.host.HostPaths;
import org.vmbhyve.host.SystemHost;
import org.vmbhyve.host.SystemProcessRunner;
import org.vmbhyve.host.ToolPath;

/** The {@code vm} command. The launcher passes the name it was called by as {@code -Dvm.argv0}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, false, StandardCharsets.UTF_8),
                new PrintWriter(System.err, false, StandardCharsets.UTF_8), args));
    }

    /** Runs one command line against this machine and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Map<String, String> env = System.getenv();
        SystemProcessRunner runner = new SystemProcessRunner(new ToolPath(env.get("PATH")));
        // VM_HOST_ROOT roots /dev and the other fixed host paths elsewhere, for the test host
        String hostRoot = env.getOrDefault("VM_HOST_ROOT", "/");
        Invocation io = new Invocation(
                System.getProperty("vm.argv0", "vm"), env, out, err,
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                System.console() != null,
                Path.of("").toAbsolutePath(),
                runner, new SystemHost(runner), new HostPaths(Path.of(hostRoot.isEmpty() ? "/" : hostRoot)),
                Clock.systemDefaultZone(), new SecureRandom());
        return new Dispatcher(io).run(List.of(args));
    }
}
