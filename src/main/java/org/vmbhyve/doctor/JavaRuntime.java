package org.vmbhyve.doctor;

import java.nio.file.Path;
import java.util.Map;

/**
 * The JDK running {@code vm} and the start-up archive the launcher keeps for it next to the jar
 * ({@code scripts/vm}: {@code vm-bhyve.<jdk dir>.aot} from JDK 25, {@code .jsa} before).
 *
 * @param jar the jar, or null when not run from one (tests, an IDE)
 * @param archive the start-up archive's path, or null without a jar
 */
public record JavaRuntime(Path home, String version, Path jar, Path archive) {

    /**
     * From the JVM's system properties: {@code java.home}, {@code java.version},
     * {@code java.class.path} (the jar, as the launcher runs {@code -jar}), and {@code vm.archive},
     * the archive path the launcher computed; without it the name is computed the same way.
     */
    public static JavaRuntime of(Map<String, String> properties, int feature) {
        Path home = Path.of(properties.getOrDefault("java.home", ""));
        String classPath = properties.getOrDefault("java.class.path", "");
        Path jar = classPath.endsWith(".jar") && !classPath.contains(":")
                ? Path.of(classPath).toAbsolutePath().normalize() : null;
        String given = properties.getOrDefault("vm.archive", "");
        Path archive;
        if (!given.isEmpty()) {
            archive = Path.of(given).toAbsolutePath().normalize();
        } else if (jar != null) {
            String stem = jar.getFileName().toString();
            stem = stem.substring(0, stem.length() - ".jar".length());
            archive = jar.resolveSibling(stem + "." + home.getFileName() + (feature >= 25 ? ".aot" : ".jsa"));
        } else {
            archive = null;
        }
        return new JavaRuntime(home, properties.getOrDefault("java.version", "unknown"), jar, archive);
    }
}
