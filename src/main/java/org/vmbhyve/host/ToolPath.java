package org.vmbhyve.host;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds host tools the way upstream's shell does: through PATH, with the system directories
 * appended so a minimal environment (rc.d, cron) still finds them.
 */
public final class ToolPath {

    private static final String APPENDED = "/bin:/usr/bin:/usr/local/bin:/sbin:/usr/sbin:/usr/local/sbin";

    private final List<Path> dirs;

    public ToolPath(String path) {
        String full = (path == null || path.isEmpty() ? "" : path + ":") + APPENDED;
        List<Path> list = new ArrayList<>();
        for (String dir : full.split(":")) {
            if (!dir.isEmpty()) {
                list.add(Path.of(dir));
            }
        }
        this.dirs = List.copyOf(list);
    }

    /** The executable for a tool name; names with a slash are taken as they are. */
    public Optional<Path> find(String tool) {
        if (tool.contains(File.separator)) {
            Path p = Path.of(tool);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir : dirs) {
            Path candidate = dir.resolve(tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
