package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * scripts/smoke, the acceptance run for a new host, against the fake host (--fakehost): green,
 * and leaving no process, no file of its own and no fake host state behind, also when stopped
 * half way. Its temporary directory lands in a TMPDIR of the test's, the fake host in
 * FAKEHOST_ROOT, so both can be inspected afterwards.
 */
class SmokeIT {

    private static final Path SMOKE = FakeHost.PROJECT.resolve("scripts/smoke");
    private static final Pattern SUMMARY = Pattern.compile("smoke: (\\d+) passed, (\\d+) failed");
    private static final Pattern GUEST = Pattern.compile("(?m)^smoke: guest (smoke\\d+) on switch \\1 ");

    private Path base;
    private Path tmp;
    private Path fake;
    private Path out;

    @BeforeEach
    void setUp() throws IOException {
        base = Files.createTempDirectory("vm-smoke-").toRealPath();
        tmp = Files.createDirectory(base.resolve("tmp"));
        fake = base.resolve("fakehost");
        out = base.resolve("out.txt");
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Process smoke(String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(SMOKE.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(base.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        for (String name : List.of("VM", "VM_RC_CONF", "VM_HOST_ROOT", "FAKEHOST_STATE", "VM_JAR")) {
            env.remove(name);
        }
        env.put("TMPDIR", tmp.toString());
        env.put("FAKEHOST_ROOT", fake.toString());
        return pb.start();
    }

    private static int finish(Process process) throws InterruptedException {
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("smoke did not finish in 5 minutes");
        }
        return process.exitValue();
    }

    private String lastLine(String text) {
        String[] lines = text.split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void aGreenRunOnTheFakeHostLeavesNothingBehind() throws Exception {
        int exit = finish(smoke("--fakehost", "-y"));
        String text = Files.readString(out);

        assertEquals(0, exit, text);
        Matcher summary = SUMMARY.matcher(lastLine(text));
        assertTrue(summary.matches(), text);
        assertEquals("0", summary.group(2), text);
        assertEquals(Integer.parseInt(summary.group(1)), count(text, "PASS  "), text);
        assertEquals(0, count(text, "FAIL"), text);
        String guest = guest(text);
        for (String step : List.of("vm init", "vm switch create " + guest, "vm start " + guest,
                "vm info " + guest + ": active-device on bridge vm-" + guest, "console device of " + guest + " exists",
                "vm stop -t 10 " + guest, "tap tap0 gone, bridge vm-" + guest + " has no member",
                "vm switch destroy " + guest, "scratch directory removed")) {
            assertTrue(text.contains("\nPASS  " + step + "\n"), step + " in\n" + text);
        }
        String log = Files.readString(fake.resolve("state/host.log"));
        assertTrue(log.contains("'bhyvectl' '--force-poweroff' '--vm=" + guest + "'"), "forced off after -t 10");
        assertNothingLeft(guest);
    }

    @Test
    void withoutYesEndOfInputMeansNoAndNothingIsMade() throws Exception {
        int exit = finish(smoke("--fakehost"));
        String text = Files.readString(out);

        assertEquals(1, exit, text);
        assertTrue(text.contains("Continue? [y/N] "), text);
        assertEquals("smoke: not started", lastLine(text));
        assertEquals(List.of(), list(tmp));
        assertFalse(Files.exists(fake), "the fake host was set up before the answer");
    }

    @Test
    void aTermHalfWayStopsTheGuestAndCleansUp() throws Exception {
        Process process = smoke("--fakehost", "-y");
        FakeHost.await("the guest to run", () -> read().contains("PASS  vm list: "));
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        int exit = finish(process);
        String text = Files.readString(out);

        assertEquals(143, exit, text);
        assertTrue(text.contains("\nFAIL  interrupted\nsmoke: cleaning up\n"), text);
        Matcher summary = SUMMARY.matcher(lastLine(text));
        assertTrue(summary.matches(), text);
        assertTrue(Integer.parseInt(summary.group(2)) >= 1, text);
        assertNothingLeft(guest(text));
    }

    @Test
    void usageOnHelpAndOnAnUnknownOption() throws Exception {
        assertEquals(0, finish(smoke("-h")));
        assertTrue(Files.readString(out).startsWith("usage: smoke [-y] [-k] [--fakehost] [--vm PATH]\n"));
        assertEquals(2, finish(smoke("-x")));
        assertTrue(Files.readString(out).startsWith("usage: smoke "));
        assertEquals(List.of(), list(tmp));
    }

    /** No file of the run, no stub guest, no supervisor JVM, and the fake host as it was set up. */
    private void assertNothingLeft(String guest) throws Exception {
        assertEquals(List.of(), list(tmp), "scratch directory left");
        Path state = fake.resolve("state");
        Path procs = state.resolve("procs");
        assertTrue(!Files.exists(procs) || Files.readString(procs).isEmpty(), "fake processes left");
        // one directory per interface (beside the stub's own bookkeeping files)
        List<String> interfaces = new ArrayList<>();
        for (String name : list(state.resolve("if"))) {
            if (Files.isDirectory(state.resolve("if").resolve(name))) {
                interfaces.add(name);
            }
        }
        assertEquals(List.of("em0"), interfaces, "interfaces left");
        for (String file : List.of("bhyve-stays-up", "bhyve-ignores-acpi")) {
            assertFalse(Files.exists(state.resolve(file)), file);
        }
        Path host = fake.resolve("host");
        assertEquals(List.of("vmm"), list(host.resolve("dev")), "devices left");
        assertEquals(List.of(), list(host.resolve("dev/vmm")));
        assertEquals(List.of(".system.conf.lock"), list(host.resolve("var/run/vm-bhyve")), "guest lock left");
        assertFalse(Files.exists(host.resolve("usr/local/share")), "firmware left");
        // the supervisor (vm _run NAME) and the stub bhyve both name the guest on their command lines
        FakeHost.await("no process of " + guest, () -> ProcessHandle.allProcesses()
                .noneMatch(p -> p.info().commandLine().orElse("").contains(guest)));
    }

    private String read() {
        try {
            return Files.readString(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String guest(String text) {
        Matcher guest = GUEST.matcher(text);
        assertTrue(guest.find(), text);
        return guest.group(1);
    }

    private static int count(String text, String prefix) {
        int n = 0;
        for (String line : text.split("\n")) {
            n += line.startsWith(prefix) ? 1 : 0;
        }
        return n;
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
