package org.vmbhyve.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vmbhyve.ProjectVersion;

/**
 * Puts our output in the recorded examples' terms: the test root becomes {@code ROOT}, the
 * launcher path {@code vm}, generated uuids, MACs and log dates {@code UUID}, {@code MAC} and
 * {@code DATE}, and the stub directory {@code BIN/}.
 */
final class Normalizer {

    private final FakeHost host;

    Normalizer(FakeHost host) {
        this.host = host;
    }

    /** Our version line, which the examples show with upstream's version. */
    private static final String OUR_VERSION = "management v" + ProjectVersion.VERSION;

    String text(String text) {
        String out = text.replace(OUR_VERSION, "management v1.8-devel")
                .replace(FakeHost.STUBS + "/", "BIN/")
                .replace(FakeHost.LAUNCHER + ": ", "vm: ")
                .replace(host.root.toString(), "ROOT");
        out = out.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "UUID");
        out = out.replaceAll("58:9c:fc:[0-9a-f]{2}:[0-9a-f]{2}:[0-9a-f]{2}", "MAC");
        // snapshots named after the time, or after a fresh uuid's first group (vm clone)
        out = out.replaceAll("\\d{4}-\\d\\d-\\d\\d-\\d\\d:\\d\\d:\\d\\d", "SNAPDATE");
        out = out.replaceAll("@[0-9a-f]{8}(?![0-9a-f-])", "@UUID8");
        // a vale port is named after the interface's (generated) MAC
        out = out.replaceAll("(vale[0-9a-f]{5}):[0-9a-f]{5}", "$1:PORT");
        out = out.replaceAll("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d:", "DATE");
        return out;
    }

    List<String> lines(List<String> lines) {
        return lines.stream().map(this::text).toList();
    }

    /**
     * The overview's descriptions are our own words; compare the structure (headings and the
     * command names in order) only, without the commands we add ({@code completion},
     * {@code check}, {@code doctor}).
     */
    static String usageStructure(String text) {
        if (!text.contains("Available subcommands grouped by scenario:")) {
            return text;
        }
        return text.replaceAll("(?m)^  (completion|check|doctor) +.*\n", "").replaceAll("(?m)^  (\\S+) +.*$", "  $1");
    }

    /**
     * The {@code $vm_dir} tree in the examples' format ({@code find . | sort}), without
     * {@code .templates}. Config files are shown as their settings only, quotes removed: our
     * templates carry our own comments.
     */
    List<String> tree(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir))
                    .filter(p -> !dir.relativize(p).toString().startsWith(".templates"))
                    .sorted((a, b) -> ("./" + dir.relativize(a)).compareTo("./" + dir.relativize(b)))
                    .toList();
        }
        for (Path p : paths) {
            String rel = "./" + dir.relativize(p);
            if (Files.isDirectory(p)) {
                out.add("d " + rel);
                continue;
            }
            byte[] bytes = Files.size(p) > 65536 ? null : Files.readAllBytes(p);
            if (bytes == null || bytes.length == 0 || new String(bytes).indexOf('\0') >= 0) {
                out.add("f " + rel + " (" + Files.size(p) + " bytes)");
                continue;
            }
            out.add("f " + rel);
            for (String line : text(new String(bytes)).split("\n")) {
                out.add("  | " + line);
            }
        }
        return settingsOnly(out);
    }

    /** In a tree listing, reduces the content of each {@code .conf} file to its settings. */
    static List<String> settingsOnly(List<String> tree) {
        List<String> out = new ArrayList<>();
        boolean conf = false;
        for (String line : tree) {
            if (!line.startsWith("  | ")) {
                conf = line.startsWith("f ") && line.endsWith(".conf");
                out.add(line);
                continue;
            }
            String content = line.substring(4);
            if (!conf) {
                out.add(line);
            } else if (!content.isBlank() && !content.startsWith("#")) {
                out.add("  | " + content.replace("\"", ""));
            }
        }
        return out;
    }
}
