package org.vmbhyve.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's start-up archive: made on first use next to the jar, remade when the jar is
 * newer, and never a reason for a command to fail or print anything more. Each test runs its
 * own copy of the jar (VM_JAR), so the archive is its own, with the JDK the launcher picks.
 */
class LauncherIT {

    private static final String VERSION = "vm-bhyve: Bhyve virtual machine management v";

    private FakeHost host;
    private Path app;
    private Path jar;

    @BeforeEach
    void setUp() throws Exception {
        host = new FakeHost(Files.createTempDirectory("vm-launcher-"));
        app = Files.createDirectories(host.root.resolve("app"));
        jar = app.resolve("vm-bhyve.jar");
        Path built = FakeHost.PROJECT.resolve("target");
        Files.copy(built.resolve("vm-bhyve.jar"), jar);
        Files.createSymbolicLink(app.resolve("lib"), built.resolve("lib"));
        host.env("VM_JAR", jar.toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        app.toFile().setWritable(true);
        Replay.cleanUp(host);
    }

    @Test
    void theFirstRunMakesTheArchiveAndPrintsOnlyTheCommandsOutput() throws Exception {
        FakeHost.Run first = host.vm("list");
        FakeHost.Run second = host.vm("list");

        assertEquals(new FakeHost.Run(0, "NAME  DATASTORE  LOADER  CPU  MEMORY  VNC  AUTO  STATE  TAGS\n", "",
                List.of()), first);
        assertEquals(first, second);
        Path archive = archive();
        assertTrue(Files.size(archive) > 0, "a trained archive");
        assertEquals(List.of("lib", "vm-bhyve.jar", archive.getFileName().toString()), appFiles());
    }

    @Test
    void aDamagedOrForeignArchiveIsIgnoredSilently() throws Exception {
        host.vm("version");
        Path archive = archive();
        Files.write(archive, "not an archive of this JDK".repeat(1000).getBytes(StandardCharsets.UTF_8));

        FakeHost.Run run = host.vm("version");

        assertEquals(0, run.exit());
        assertTrue(run.stdout().startsWith(VERSION), run.stdout());
        assertEquals("", run.stderr());
    }

    @Test
    void anArchiveOlderThanTheJarIsRemade() throws Exception {
        host.vm("version");
        Path archive = archive();
        FileTime jarTime = Files.getLastModifiedTime(jar);
        Files.write(archive, new byte[0]);
        Files.setLastModifiedTime(archive, FileTime.fromMillis(jarTime.toMillis() - 60_000));

        FakeHost.Run run = host.vm("version");

        assertEquals("", run.stderr());
        assertTrue(Files.size(archive) > 0, "remade");
        assertTrue(Files.getLastModifiedTime(archive).compareTo(jarTime) >= 0);
    }

    @Test
    void concurrentFirstRunsAllSucceedAndLeaveOneWholeArchive() throws Exception {
        List<Process> runs = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path out = host.root.resolve("out" + i);
            Path err = host.root.resolve("err" + i);
            ProcessBuilder pb = new ProcessBuilder(FakeHost.LAUNCHER.toString(), "version")
                    .directory(host.root.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(host.environment());
            runs.add(pb.start());
            outputs.add(out);
            outputs.add(err);
        }
        for (Process process : runs) {
            assertTrue(process.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue());
        }
        for (int i = 0; i < outputs.size(); i += 2) {
            assertTrue(Files.readString(outputs.get(i)).startsWith(VERSION));
            assertEquals("", Files.readString(outputs.get(i + 1)));
        }
        assertEquals(List.of("lib", "vm-bhyve.jar", archive().getFileName().toString()), appFiles());
        assertTrue(Files.size(archive()) > 0);
    }

    /** As a real unprivileged user (root may write anywhere), who may read the jar and its libraries, not write beside them. */
    @Test
    void anUnwritableDirectoryMeansNoArchiveAndNoNoise() throws Exception {
        Unprivileged.assumePossible();
        Files.delete(app.resolve("lib"));
        Files.createSymbolicLink(app.resolve("lib"), Unprivileged.libraries());
        Unprivileged.openToAll(app);

        FakeHost.Run run = host.vmAsNobody("version");

        assertEquals(0, run.exit());
        assertTrue(run.stdout().startsWith(VERSION));
        assertEquals("", run.stderr());
        assertEquals(List.of("lib", "vm-bhyve.jar"), appFiles());
    }

    /**
     * A headless JRE such as the port's dependency (openjdk25-jre-headless: the platform's
     * modules, no compiler, no JDK tools), made with jlink from the newest JDK at hand: vm runs on
     * it unchanged and keeps its archive, named after the runtime's directory.
     */
    @Test
    void aJreWithoutCompilerOrToolsRunsVmAndKeepsItsArchive() throws Exception {
        Path jdk = newestJdkWithJlink();
        assumeTrue(jdk != null, "no JDK with jlink");
        int major = release(jdk);
        Path jre = host.root.resolve("openjdk" + major + "-jre-headless");
        Process jlink = new ProcessBuilder(jdk.resolve("bin/jlink").toString(), "--add-modules",
                "java.se,jdk.security.auth,jdk.unsupported,jdk.zipfs,jdk.charsets", "--strip-debug",
                "--no-header-files", "--no-man-pages", "--output", jre.toString())
                .redirectErrorStream(true).start();
        String made = new String(jlink.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jlink.waitFor(300, TimeUnit.SECONDS) && jlink.exitValue() == 0, made);
        assertFalse(Files.exists(jre.resolve("bin/javac")));
        assertFalse(Files.exists(jre.resolve("bin/jcmd")));
        host.env("JAVA_HOME", jre.toString());

        FakeHost.Run first = host.vm("list");
        FakeHost.Run second = host.vm("list");

        assertEquals(new FakeHost.Run(0, "NAME  DATASTORE  LOADER  CPU  MEMORY  VNC  AUTO  STATE  TAGS\n", "",
                List.of()), first);
        assertEquals(first, second);
        String name = "vm-bhyve." + jre.getFileName() + (major >= 25 ? ".aot" : ".jsa");
        assertEquals(app.resolve(name), archive());
        if (major >= 25) {
            assertTrue(Files.size(archive()) > 0, "an AOT cache");
        }
    }

    /** The JDK of this test or of the directories the launcher searches, newest release first. */
    private static Path newestJdkWithJlink() throws IOException {
        List<Path> candidates = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        for (String parent : List.of("/usr/local", "/usr/lib/jvm")) {
            if (Files.isDirectory(Path.of(parent))) {
                try (Stream<Path> dirs = Files.list(Path.of(parent))) {
                    dirs.filter(d -> parent.endsWith("jvm") || d.getFileName().toString().startsWith("openjdk"))
                            .forEach(candidates::add);
                }
            }
        }
        Path best = null;
        for (Path dir : candidates) {
            if (Files.isExecutable(dir.resolve("bin/jlink")) && (best == null || release(dir) > release(best))) {
                best = dir;
            }
        }
        return best;
    }

    /** The feature release in a JDK's {@code release} file, as the launcher reads it; 0 if unknown. */
    private static int release(Path jdk) throws IOException {
        Path file = jdk.resolve("release");
        if (!Files.exists(file)) {
            return 0;
        }
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("JAVA_VERSION=\"")) {
                String digits = line.substring(14).replaceAll("[^0-9].*", "");
                return digits.isEmpty() ? 0 : Integer.parseInt(digits);
            }
        }
        return 0;
    }

    /** The one archive next to the jar. */
    private Path archive() throws IOException {
        List<String> archives = appFiles().stream()
                .filter(name -> name.endsWith(".aot") || name.endsWith(".jsa")).toList();
        assertEquals(1, archives.size(), archives.toString());
        return app.resolve(archives.get(0));
    }

    private List<String> appFiles() throws IOException {
        try (Stream<Path> list = Files.list(app)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
