package org.vmbhyve.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDK and its start-up archive, named and judged as scripts/vm does. */
class JavaChecksTest {

    @TempDir
    Path dir;
    TestHost host;
    Path jar;
    Path modules;
    Path archive;

    @BeforeEach
    void setUp() throws IOException {
        host = new TestHost(dir);
        Path jdk = Files.createDirectories(dir.resolve("openjdk21/lib"));
        modules = Files.writeString(jdk.resolve("modules"), "classes");
        jar = Files.writeString(dir.resolve("vm-bhyve.jar"), "jar");
        archive = dir.resolve("vm-bhyve.openjdk21.jsa");
        host.java = new JavaRuntime(dir.resolve("openjdk21"), "21.0.5", jar, archive);
        Files.setLastModifiedTime(modules, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(2_000_000));
    }

    @Test
    void theArchiveIsNamedAfterTheJarAndTheJdkDirectory() {
        Map<String, String> props = Map.of("java.home", "/usr/local/openjdk25", "java.version", "25.0.1",
                "java.class.path", "/usr/local/share/vm-bhyve-java/vm-bhyve.jar");
        assertEquals(Path.of("/usr/local/share/vm-bhyve-java/vm-bhyve.openjdk25.aot"), JavaRuntime.of(props, 25).archive());
        assertEquals(Path.of("/usr/local/share/vm-bhyve-java/vm-bhyve.openjdk25.jsa"), JavaRuntime.of(props, 21).archive());
        Map<String, String> launched = new java.util.HashMap<>(props);
        launched.put("vm.archive", "/opt/vm-bhyve.usr.jsa");
        assertEquals(Path.of("/opt/vm-bhyve.usr.jsa"), JavaRuntime.of(launched, 21).archive());
        assertNull(JavaRuntime.of(Map.of("java.class.path", "target/classes:lib/x.jar"), 21).archive());
    }

    @Test
    void theJdkLine() {
        assertEquals(List.of(Diagnosis.pass("jdk", "Java 21.0.5 in " + dir.resolve("openjdk21"))), host.run(new JdkCheck()));
    }

    @Test
    void aMissingStaleOrEmptyArchiveIsRetrained() throws IOException {
        assertEquals(List.of(Diagnosis.warn("archive", archive + " is missing: commands start slower", "vm _train")),
                host.run(new ArchiveCheck()));
        Files.writeString(archive, "archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(1_500_000));
        assertEquals(List.of(Diagnosis.warn("archive", archive + " is older than " + jar + ": not used", "vm _train")),
                host.run(new ArchiveCheck()));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(3_000_000));
        assertEquals(List.of(Diagnosis.pass("archive", archive + " is up to date")), host.run(new ArchiveCheck()));
        Files.setLastModifiedTime(modules, FileTime.fromMillis(4_000_000));
        assertEquals(Diagnosis.warn("archive", archive + " is older than " + modules + ": not used", "vm _train"),
                host.run(new ArchiveCheck()).get(0));
        Files.writeString(archive, "");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(5_000_000));
        assertEquals(List.of(Diagnosis.warn("archive", archive + " is empty: its training failed", "vm _train")),
                host.run(new ArchiveCheck()));
    }

    @Test
    void withoutAJarThereIsNoArchive() {
        host.java = new JavaRuntime(dir, "17.0.9", null, null);
        assertEquals(Status.INFO, host.run(new ArchiveCheck()).get(0).status());
    }
}
