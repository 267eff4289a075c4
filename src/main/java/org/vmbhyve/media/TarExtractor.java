package org.vmbhyve.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.vmbhyve.config.FileMode;
import org.vmbhyve.config.FreshPath;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Libraries;

/**
 * Extracts a {@code .tar.gz} into its own directory. Everything is first unpacked into a hidden
 * staging directory next to it and moved into place only when the whole archive was good, so
 * a bad archive leaves nothing behind. Entries may not leave the directory: absolute names,
 * {@code ..}, links pointing outside and writing through links are refused.
 */
final class TarExtractor {

    private final OutputLimits limits;

    TarExtractor(OutputLimits limits) {
        this.limits = limits;
    }

    void extract(Path archive) throws IOException {
        Path dir = archive.toAbsolutePath().getParent();
        String name = archive.getFileName().toString();
        OutputBudget budget = new OutputBudget(limits, archive, dir);
        Path staging = FreshPath.directory(dir, "." + PartFile.stem(name) + ".unpack-");
        // an interrupted unpack (Ctrl-C) must not leave the half-filled staging tree behind
        Thread cleanUp = new Thread(() -> {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                // the JVM is exiting; nothing more can be done
            }
        }, "unpack-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            Libraries.create(TarReader.class, "org.vmbhyve.bridge.CommonsTar").read(
                    new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive))),
                    (entry, data) -> unpack(data, entry, staging, budget));
            checkLinksStayInside(staging);
            moveInto(staging, dir);
        } finally {
            deleteTree(staging);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException e) {
                // already exiting: the hook runs and finds nothing left
            }
        }
    }

    private void unpack(InputStream data, TarReader.Entry entry, Path staging, OutputBudget budget)
            throws IOException {
        String relative = relative(entry.name());
        if (relative.isEmpty()) {
            return; // the archive's own top directory, "./"
        }
        Path target = staging.resolve(relative);
        makeDirectories(staging, target.getParent(), entry.name());
        if (entry.kind() == TarReader.Kind.DIRECTORY) {
            makeDirectories(staging, target, entry.name());
            return;
        }
        clear(target, entry.name());
        switch (entry.kind()) {
            case SYMLINK -> {
                String link = entry.linkName();
                Path resolved = target.getParent().resolve(link).normalize();
                if (link.startsWith("/") || !resolved.startsWith(staging)) {
                    throw refused(entry.name(), "its link points outside the directory");
                }
                Files.createSymbolicLink(target, Path.of(link));
            }
            case HARDLINK -> {
                Path source = staging.resolve(relative(entry.linkName()));
                if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    throw refused(entry.name(), "it links to a file not in the archive before it");
                }
                Files.createLink(target, source);
            }
            case FILE -> {
                try (PartFile out = new PartFile(target.getParent(), target.getFileName().toString())) {
                    Decompressor.pour(data, out, budget);
                    out.commit(target);
                }
            }
            default -> throw refused(entry.name(), "devices and fifos are not extracted");
        }
    }

    /** The entry name as a relative path of plain components; absolute names and ".." are refused. */
    private static String relative(String entryName) {
        if (entryName.startsWith("/")) {
            throw refused(entryName, "it is an absolute path");
        }
        List<String> parts = new ArrayList<>();
        for (String part : entryName.split("/")) {
            if (part.equals("..")) {
                throw refused(entryName, "it leads out of the directory with '..'");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /** Creates DIR and its parents below ROOT; an existing link on the way is refused. */
    private static void makeDirectories(Path root, Path dir, String entryName) throws IOException {
        Path current = root;
        for (Path part : root.relativize(dir)) {
            if (part.toString().isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                throw refused(entryName, "it would be written through a link");
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                FileMode.PUBLIC_DIR.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(entryName, current.getFileName() + " is not a directory");
            }
        }
    }

    /** A later entry of the same name replaces an earlier file, as tar does. */
    private static void clear(Path target, String entryName) throws IOException {
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw refused(entryName, "a directory of that name is in the way");
        }
        Files.deleteIfExists(target);
    }

    /** Links are checked by name when made; a chain of links could still resolve elsewhere. */
    private static void checkLinksStayInside(Path staging) throws IOException {
        Path root = staging.toRealPath();
        for (Path path : list(staging)) {
            if (Files.isSymbolicLink(path) && Files.exists(path) && !path.toRealPath().startsWith(root)) {
                throw refused(staging.relativize(path).toString(), "its link points outside the directory");
            }
        }
    }

    /** Merges the staged tree into DIR: checks every clash first, then renames. */
    private static void moveInto(Path staging, Path dir) throws IOException {
        List<Path> staged = list(staging);
        for (Path path : staged) {
            Path target = dir.resolve(staging.relativize(path));
            boolean stagedDir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && stagedDir != Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw refused(staging.relativize(path).toString(), target + " exists and is "
                        + (stagedDir ? "not a directory" : "a directory"));
            }
        }
        for (Path path : staged) {
            Path target = dir.resolve(staging.relativize(path));
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    FileMode.PUBLIC_DIR.createDirectory(target);
                }
            } else {
                Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Everything below ROOT, parents before children, without following links. */
    private static List<Path> list(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> !path.equals(root)).toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static VmException refused(String entryName, String why) {
        return new VmException("refusing archive entry '" + entryName + "': " + why);
    }
}
