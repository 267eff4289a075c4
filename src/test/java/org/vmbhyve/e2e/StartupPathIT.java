package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The common commands, and those a provisioning script runs, link no lambda of ours and compile
 * no regular expression. On JDK 17 the
 * first lambda of a run costs several milliseconds (the invokedynamic set-up, which no
 * class-data archive holds) and each pattern a few more; one stray lambda on these paths
 * brings that back unseen, so this looks at the classes each command actually loads.
 */
class StartupPathIT {

    private static FakeHost host;

    @BeforeAll
    static void setUp() throws Exception {
        host = FakeHost.withTwoGuests("vm-startup-path-");
    }

    @AfterAll
    static void tearDown() throws Exception {
        Replay.cleanUp(host);
    }

    /** Commands that start no process load none of the lambda machinery, nor streams. */
    @Test
    void versionAndDryRunLinkNoLambdaAtAll() throws Exception {
        for (List<String> command : List.of(List.of("version"), List.of("start", "--dry-run", "web"))) {
            List<String> loaded = loadedClasses(command);
            assertEquals(List.of(), matching(loaded, "java.lang.invoke.LambdaMetafactory", "java.util.stream.",
                    "java.util.regex.", "$$Lambda"), String.join(" ", command));
        }
    }

    /** Starting a host tool makes the JDK link lambdas of its own; ours stay out. */
    @Test
    void listingsLinkNoLambdaOfOursAndNoPattern() throws Exception {
        for (List<String> command : List.of(List.of("list"), List.of("info", "web"), List.of("switch", "list"),
                List.of("datastore", "list"), List.of("get", "all"))) {
            List<String> loaded = loadedClasses(command);
            assertTrue(loaded.contains("java.lang.ProcessImpl") || command.get(0).equals("get"),
                    "a host tool ran for " + command);
            assertEquals(List.of(), oursAndPatterns(loaded), String.join(" ", command));
        }
    }

    /** With a guest running on this host, listing also reads its lock, console and process; then it is stopped. */
    @Test
    void listingARunningGuestLinksNoLambdaOfOurs() throws Exception {
        Files.writeString(host.state.resolve("bhyve-stays-up"), "");
        try {
            assertEquals(List.of(), oursAndPatterns(loadedClasses(List.of("start", "web"))), "start web");
            FakeHost.await("web to run", () -> Files.exists(host.vmDir.resolve("web/run.lock"))
                    && Files.exists(host.hostRoot.resolve("dev/vmm/web")));
            for (List<String> command : List.of(List.of("list"), List.of("list", "-v"), List.of("info", "web"),
                    List.of("stop", "web"))) {
                assertEquals(List.of(), oursAndPatterns(loadedClasses(command)), String.join(" ", command));
            }
        } finally {
            host.endStubGuests();
            FakeHost.await("web's supervisor to clean up", () -> !Files.exists(host.vmDir.resolve("web/run.lock")));
            Files.delete(host.state.resolve("bhyve-stays-up"));
        }
    }

    /** The commands that change things, as a provisioning script runs them, link none of ours either. */
    @Test
    void changingCommandsLinkNoLambdaOfOurs() throws Exception {
        host.sh("cp $TEMPLATES/default.conf vm/.templates/");
        for (List<String> command : List.of(List.of("create", "-s", "1G", "extra"), List.of("set", "console=nmdm"),
                List.of("switch", "create", "spare"), List.of("switch", "destroy", "spare"),
                List.of("destroy", "-f", "extra"))) {
            assertEquals(List.of(), oursAndPatterns(loadedClasses(command)), String.join(" ", command));
        }
    }

    /** The check can fail: {@code vm check}, off the common paths, keeps its rules as lambdas and is caught. */
    @Test
    void aLambdaOfOursIsSeen() throws Exception {
        List<String> loaded = loadedClasses(List.of("check", "web"));
        assertTrue(matching(loaded, "org.vmbhyve.").stream().anyMatch(name -> name.contains("$$Lambda")), "check");
    }

    /** The classes a run of {@code vm COMMAND} loads, with the JDK running the tests and no archive. */
    private static List<String> loadedClasses(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(host.root, "classes-", ".log");
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info:file=" + log, "-Dvm.argv0=" + FakeHost.LAUNCHER, "-jar",
                FakeHost.PROJECT.resolve("target/vm-bhyve.jar").toString()));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(host.root.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(host.environment());
        assertEquals(0, builder.start().waitFor(), String.join(" ", command));
        List<String> names = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            // [0.042s][info][class,load] java.lang.Object source: shared objects file
            String[] fields = line.split(" ");
            if (fields.length > 1 && line.contains("[class,load]")) {
                names.add(fields[1]);
            }
        }
        assertTrue(names.contains("org.vmbhyve.Main"), "the log lists the classes");
        return names;
    }

    /** Lambdas of ours and regex classes among the loaded ones. */
    private static List<String> oursAndPatterns(List<String> loaded) {
        List<String> found = new ArrayList<>();
        for (String name : matching(loaded, "$$Lambda", "java.util.regex.")) {
            if (name.startsWith("org.vmbhyve.") || name.startsWith("java.util.regex.")) {
                found.add(name);
            }
        }
        return found;
    }

    private static List<String> matching(List<String> names, String... parts) {
        List<String> found = new ArrayList<>();
        for (String name : names) {
            for (String part : parts) {
                if (name.contains(part)) {
                    found.add(name);
                    break;
                }
            }
        }
        return found;
    }
}
