package org.vmbhyve.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs vm as a real unprivileged user, nobody (uid and gid 65534, no other groups), through
 * util-linux's {@code setpriv} when the tests run as root, as CI does; as the test's own user
 * otherwise. The checkout may sit in a directory only root may enter ({@code /root}), so
 * the user runs a world-readable copy of the launcher, jar, libraries, stubs and templates.
 */
final class Unprivileged {

    static final int NOBODY = 65534;
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
    private static Path copy;

    private Unprivileged() {
    }

    /**
     * Skips the test where a root test run has no setpriv to drop its privileges with; fails it
     * instead where {@code VM_TEST_UNPRIVILEGED=required} (CI, which must run these).
     */
    static void assumePossible() {
        boolean possible = !ROOT || OptionalTools.installed("setpriv");
        if ("required".equals(System.getenv("VM_TEST_UNPRIVILEGED"))) {
            org.junit.jupiter.api.Assertions.assertTrue(possible, "setpriv (util-linux) is required to test as nobody");
        }
        Assumptions.assumeTrue(possible, "setpriv is not installed");
    }

    /** The argv prefix that drops to nobody (none when the tests do not run as root). */
    static List<String> prefix() {
        return ROOT ? List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups") : List.of();
    }

    /**
     * The environment of {@code env} pointed at the public copy, with {@code id -u} answering
     * the real uid instead of the fake host's recorded one.
     */
    static void adapt(Map<String, String> env) throws IOException {
        Path project = project();
        for (Map.Entry<String, String> e : env.entrySet()) {
            e.setValue(e.getValue().replace(FakeHost.PROJECT.toString(), project.toString()));
        }
        env.put("FAKEHOST_REAL_ID", "1");
    }

    /** Ends the host's running stub guests and waits for their supervisors to finish cleaning up. */
    static void endGuests(FakeHost host) throws Exception {
        Path procs = host.state.resolve("procs");
        List<ProcessHandle> supervisors = new ArrayList<>();
        if (Files.exists(procs)) {
            for (String line : Files.readAllLines(procs)) {
                ProcessHandle.of(Long.parseLong(line.split(" ")[0])).flatMap(ProcessHandle::parent)
                        .ifPresent(supervisors::add);
            }
        }
        host.endStubGuests();
        for (ProcessHandle supervisor : supervisors) {
            supervisor.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The jar's libraries in the public copy. */
    static Path libraries() throws IOException {
        return project().resolve("target/lib");
    }

    /** The launcher of the public copy. */
    static Path launcher() throws IOException {
        return project().resolve("scripts/vm");
    }

    /** Makes TREE readable and searchable by everyone (a test's own set-up, never vm's files). */
    static void openToAll(Path tree) throws IOException {
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.toList()) {
                if (!Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(
                            Files.isDirectory(p) ? "rwxr-xr-x" : Files.isExecutable(p) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    /** The world-readable copy of what vm runs from, made once per test JVM and removed at its exit. */
    private static synchronized Path project() throws IOException {
        if (copy == null) {
            Path dir = Files.createTempDirectory("vm-public-");
            for (String part : List.of("scripts/vm", "target/vm-bhyve.jar", "target/lib", "src/test/fakehost",
                    "templates")) {
                copyTree(FakeHost.PROJECT.resolve(part), dir.resolve(part));
            }
            train(dir.resolve("scripts/vm"));
            openToAll(dir);
            copy = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        }
        return copy;
    }

    /** Has root make the copy's start-up archive, which nobody may not write next to the jar. */
    private static void train(Path launcher) throws IOException {
        try {
            Process run = new ProcessBuilder(launcher.toString(), "version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!run.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temp dir left behind at exit harms nothing
        }
    }
}
