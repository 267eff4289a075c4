package org.vmbhyve.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Modes set explicitly, and an atomic rewrite keeping the mode, owner and group of the file it replaces. */
class FileModeTest {

    @TempDir
    Path dir;

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void eachDirectoryMadeGetsTheModeAndExistingOnesKeepTheirs() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x---"));

        FileMode.PRIVATE_DIR.createDirectories(dir.resolve("a/b/c"));

        assertEquals("rwx--x---", mode(dir));
        for (String made : new String[] {"a", "a/b", "a/b/c"}) {
            assertEquals("rwx------", mode(dir.resolve(made)), made);
        }
        assertEquals("rw-r--r--", mode(FileMode.PUBLIC_FILE.write(dir.resolve("f"), "x")));
        assertEquals("rw-------", mode(FileMode.PRIVATE_FILE.copy(dir.resolve("f"), dir.resolve("g"))));
    }

    @Test
    void anAtomicRewriteKeepsTheModeAndANewFileIsPublic() throws IOException {
        Path conf = Files.writeString(dir.resolve("web.conf"), "cpu=1\n");
        Files.setPosixFilePermissions(conf, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFile.write(conf, "cpu=2\n");
        AtomicFile.write(dir.resolve("new.conf"), "cpu=1\n");

        assertEquals("rw-r-----", mode(conf));
        assertEquals("cpu=2\n", Files.readString(conf));
        assertEquals("rw-r--r--", mode(dir.resolve("new.conf")));
    }

    @Test
    void anAtomicRewriteByRootKeepsTheOwnerAndGroup() throws IOException {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "only root may give files away");
        Path conf = Files.writeString(dir.resolve("web.conf"), "cpu=1\n");
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal nobody = users.lookupPrincipalByName("65534");
        GroupPrincipal nogroup = users.lookupPrincipalByGroupName("65534");
        PosixFileAttributeView view = Files.getFileAttributeView(conf, PosixFileAttributeView.class);
        view.setOwner(nobody);
        view.setGroup(nogroup);

        AtomicFile.write(conf, "cpu=2\n");

        assertEquals(nobody, Files.getOwner(conf));
        assertEquals(nogroup, Files.readAttributes(conf, java.nio.file.attribute.PosixFileAttributes.class).group());
    }
}
