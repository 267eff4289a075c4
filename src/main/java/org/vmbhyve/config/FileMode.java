package org.vmbhyve.config;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The modes of what vm makes, from the "Who may read what" table: set explicitly after each
 * creation, as a mode given at creation is cut down by the process umask (077 would hide every
 * guest from non-root users, 000 would let anyone write them).
 */
public enum FileMode {
    /** Directories that read-only commands walk: {@code $vm_dir}, its dot folders, a guest's directory. */
    PUBLIC_DIR("rwxr-xr-x"),
    /** Files read-only commands read: configs, logs, {@code console}, {@code run.lock}, downloaded media. */
    PUBLIC_FILE("rw-r--r--"),
    /** Secrets and a guest's data: cloud-init data, TPM state. */
    PRIVATE_DIR("rwx------"),
    /** Disk images, cloud-init files and seed, sockets and pid files of root's helpers. */
    PRIVATE_FILE("rw-------");

    private final Set<PosixFilePermission> permissions;

    FileMode(String symbolic) {
        this.permissions = PosixFilePermissions.fromString(symbolic);
    }

    public Set<PosixFilePermission> permissions() {
        return permissions;
    }

    /** Gives {@code path} this mode; returns it. */
    public Path apply(Path path) throws IOException {
        Files.setPosixFilePermissions(path, permissions);
        return path;
    }

    /** A new directory of this mode; fails if {@code dir} exists. */
    public Path createDirectory(Path dir) throws IOException {
        return apply(Files.createDirectory(dir));
    }

    /** The directory and its missing parents, each one made here given this mode; existing ones keep theirs. */
    public Path createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        while (!missing.isEmpty()) {
            Path next = missing.pop();
            try {
                createDirectory(next);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(next)) {
                    throw e;
                }
            }
        }
        return dir;
    }

    /** Writes {@code text} to the file (replacing any), of this mode whatever it had. */
    public Path write(Path file, CharSequence text) throws IOException {
        return apply(Files.writeString(file, text));
    }

    /** Copies {@code from} to a new file {@code to} of this mode. */
    public Path copy(Path from, Path to) throws IOException {
        return apply(Files.copy(from, to));
    }

    /**
     * Gives {@code to} the mode, owner and group {@code from} has: an atomic rewrite as root must
     * not hand a file to root or change who may read it. Ownership is left as is where the
     * system refuses (a non-root writer keeps its own files).
     */
    public static void copyOwnership(Path from, Path to) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        view.setPermissions(attributes.permissions());
        try {
            if (!attributes.owner().equals(Files.getOwner(to))) {
                view.setOwner(attributes.owner());
            }
            view.setGroup(attributes.group());
        } catch (IOException e) {
            // only root may give files away; a non-root writer keeps the file as its own
        }
    }
}
