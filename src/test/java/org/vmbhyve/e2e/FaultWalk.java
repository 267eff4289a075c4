package org.vmbhyve.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Fails each host call of a command in turn and judges how the command ended against the
 * contract of DESIGN.md "When something fails": the host exactly as before with an error naming
 * the tool's message and ours (UNDONE), or exactly as after a clean run (DONE), or, where undoing
 * is impossible, something left that the same command run again completes (RESUMED). The host is
 * prepared once; each fault runs on a fresh copy of it, restored at the same path because the
 * stubs' state holds absolute paths.
 */
final class FaultWalk {

    enum Kind { UNDONE, DONE, RESUMED, NOT_REACHED, VIOLATION }

    record Verdict(String call, Kind kind, String detail) {
        @Override
        public String toString() {
            return kind + " " + call + (detail.isEmpty() ? "" : "\n    " + detail.replace("\n", "\n    "));
        }
    }

    /** The verdicts of one command, one per call of its clean run. */
    record Report(String command, int calls, List<Verdict> verdicts) {

        List<Verdict> failures() {
            return verdicts.stream().filter(v -> v.kind() == Kind.VIOLATION || v.kind() == Kind.NOT_REACHED).toList();
        }

        String summary() {
            String counts = Arrays.stream(Kind.values())
                    .map(k -> k.name().toLowerCase() + " " + verdicts.stream().filter(v -> v.kind() == k).count())
                    .collect(Collectors.joining(", "));
            return "vm " + command + ": " + calls + " calls failed: " + counts;
        }
    }

    private FaultWalk() {
    }

    /** Walks {@code vm ARGS} on HOST, which the caller has prepared; leaves HOST as prepared. */
    static Report walk(FakeHost host, String... args) throws IOException, InterruptedException {
        Path prepared = host.root.resolveSibling(host.root.getFileName() + ".prepared");
        copy(host.root, prepared);
        try {
            HostSnapshot before = HostSnapshot.of(host);
            FakeHost.Run clean = run(host, args);
            if (clean.exit() != 0) {
                throw new IllegalStateException("clean run of vm " + String.join(" ", args) + " failed:\n" + clean.stderr());
            }
            HostSnapshot after = HostSnapshot.of(host);
            Path log = host.state.resolve("calls.log");
            List<String> calls = Files.exists(log) ? Files.readAllLines(log) : List.of();
            List<Verdict> verdicts = new ArrayList<>();
            for (int i = 0; i < calls.size(); i++) {
                restore(prepared, host.root);
                verdicts.add(failCall(host, args, calls, i, before, after));
            }
            restore(prepared, host.root);
            return new Report(String.join(" ", args), calls.size(), verdicts);
        } finally {
            delete(prepared);
        }
    }

    private static Verdict failCall(FakeHost host, String[] args, List<String> calls, int index,
            HostSnapshot before, HostSnapshot after) throws IOException, InterruptedException {
        String call = calls.get(index);
        List<String> argv = words(call);
        long nth = calls.subList(0, index + 1).stream().filter(call::equals).count();
        Fault fault = Fault.typical(argv).nth((int) nth);
        host.fail(argv.get(0), pattern(argv.subList(1, argv.size())), fault);
        String shown = String.join(" ", argv);
        FakeHost.Run run;
        try {
            run = run(host, args);
        } catch (IllegalStateException timedOut) {
            return new Verdict(shown, Kind.VIOLATION, "hung: " + timedOut.getMessage());
        }
        String stderr = run.stderr().replace(FakeHost.LAUNCHER + ": ", "vm: ");
        if (host.faultsHit().isEmpty()) {
            return new Verdict(shown, Kind.NOT_REACHED, "exit " + run.exit() + "\n" + stderr);
        }
        if (stderr.contains("\tat ") || stderr.contains("Exception")) {
            return new Verdict(shown, Kind.VIOLATION, "stack trace:\n" + stderr);
        }
        List<String> held = heldLocks(host);
        if (!held.isEmpty()) {
            return new Verdict(shown, Kind.VIOLATION, "locks left held: " + held);
        }
        HostSnapshot now = HostSnapshot.of(host);
        if (run.exit() == 0) {
            return now.equals(after) ? new Verdict(shown, Kind.DONE, "")
                    : new Verdict(shown, Kind.VIOLATION, "exit 0, host not as after a clean run:\n"
                            + String.join("\n", after.diff(now)));
        }
        if (!stderr.contains(fault.message()) || !stderr.contains("vm: ERROR: ")) {
            return new Verdict(shown, Kind.VIOLATION, "exit " + run.exit() + ", stderr lacks the tool's message or ours:\n" + stderr);
        }
        if (now.equals(before)) {
            return new Verdict(shown, Kind.UNDONE, "");
        }
        String left = String.join("\n", before.diff(now));
        FakeHost.Run again = run(host, args);
        if (again.exit() == 0 && HostSnapshot.of(host).equals(after)) {
            return new Verdict(shown, Kind.RESUMED, stderr.strip() + "\nleft: " + left);
        }
        return new Verdict(shown, Kind.VIOLATION, "exit " + run.exit() + " (" + stderr.strip() + "), host changed:\n"
                + left + "\n  and the same command again exits " + again.exit() + ": " + again.stderr().strip());
    }

    /** Lock files (under /var/run and $vm_dir) some process still holds after the command ended. */
    static List<String> heldLocks(FakeHost host) throws IOException {
        List<String> held = new ArrayList<>();
        for (Path top : List.of(host.hostRoot, host.vmDir)) {
            try (var walk = Files.walk(top)) {
                for (Path lock : walk.filter(p -> p.toString().endsWith(".lock") && Files.isRegularFile(p)).toList()) {
                    try (var channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.WRITE);
                            var mine = channel.tryLock()) {
                        if (mine == null) {
                            held.add(host.root.relativize(lock).toString());
                        }
                    }
                }
            }
        }
        return held;
    }

    private static FakeHost.Run run(FakeHost host, String[] args) throws IOException, InterruptedException {
        for (String log : List.of("calls.log", "faults.log")) {
            Files.deleteIfExists(host.state.resolve(log));
        }
        FakeHost.Run run = host.vm(args);
        Files.deleteIfExists(host.state.resolve("faults"));
        return run;
    }

    /**
     * The faults-file pattern of exactly these arguments, but for the names a run draws afresh
     * (a staging directory's suffix, a uuid), which become {@code *}.
     */
    static String pattern(List<String> args) {
        String joined = String.join(" ", args);
        String general = joined.replaceAll("\\.creating-[0-9a-f-]+", ".creating-*").replaceAll("@[0-9]{14}-", "@*-")
                .replaceAll("@[0-9a-f]{8}(?![0-9a-f])", "@*")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "*");
        return general.equals(joined) ? "=" + joined : general;
    }

    /** The words of a host.log line ({@code 'zfs' 'clone' 'a@b' 'c'}). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        for (String quoted : line.split("' '")) {
            words.add(quoted.replaceAll("^'|'$", ""));
        }
        return words;
    }

    private static void restore(Path prepared, Path root) throws IOException, InterruptedException {
        delete(root);
        copy(prepared, root);
    }

    private static void copy(Path from, Path to) throws IOException, InterruptedException {
        // cp -a keeps sparse disk images sparse and the links of the real tools' wrappers
        Process cp = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start();
        if (cp.waitFor() != 0) {
            throw new IOException("cp -a " + from + " " + to + " failed");
        }
    }

    private static void delete(Path dir) throws IOException, InterruptedException {
        Process rm = new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start();
        if (rm.waitFor() != 0) {
            throw new IOException("rm -rf " + dir + " failed");
        }
    }
}
