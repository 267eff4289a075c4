package org.vmbhyve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: a package imports only packages below it in {@link #LAYERS}, so no two
 * packages depend on each other and the host boundary stays at the bottom.
 */
class LayeringTest {

    /** Top first. bridge adapts third-party libraries to media's interfaces and is loaded by name. */
    static final List<String> LAYERS = List.of("cli", "bridge", "doctor", "check", "storage", "info", "supervise", "run",
            "network", "media", "guest", "core", "datastore", "host", "config", "error");

    static final Path SOURCES = Path.of("src/main/java/org/vmbhyve");

    @Test
    void everyPackageIsLayered() throws IOException {
        List<String> packages = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            dirs.filter(Files::isDirectory).forEach(dir -> packages.add(dir.getFileName().toString()));
        }
        packages.sort(null);
        assertEquals(LAYERS.stream().sorted().toList(), packages, "a new package needs its place in LAYERS");
    }

    @Test
    void noPackageImportsOneAboveIt() throws IOException {
        List<String> upward = new ArrayList<>();
        for (String layer : LAYERS) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(layer))) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        String imported = importedPackage(line);
                        if (imported != null && LAYERS.indexOf(imported) <= LAYERS.indexOf(layer)
                                && !imported.equals(layer)) {
                            upward.add(layer + "/" + file.getFileName() + ": " + line);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), upward);
    }

    @Test
    void theCheckSeesAnUpwardImport() {
        assertEquals("cli", importedPackage("import org.vmbhyve.cli.Dispatcher;"));
        assertEquals("host", importedPackage("import static org.vmbhyve.host.Chars.words;"));
        assertEquals(null, importedPackage("import org.vmbhyve.ProjectVersion;"));
        assertTrue(LAYERS.indexOf("cli") < LAYERS.indexOf("host"));
    }

    /** The package of ours a line imports from, or null. */
    private static String importedPackage(String line) {
        String prefix = line.startsWith("import static ") ? "import static org.vmbhyve." : "import org.vmbhyve.";
        if (!line.startsWith(prefix)) {
            return null;
        }
        int dot = line.indexOf('.', prefix.length());
        return dot < 0 ? null : line.substring(prefix.length(), dot);
    }
}
