package org.vmbhyve.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.error.VmException;

/** Unpacking refuses hostile archives and leaves nothing half-written. */
class DecompressorTest {

    /** Small limits: anything beyond 64 KiB and 10 times the input is a bomb. */
    private static final OutputLimits SMALL = new OutputLimits(64 * 1024, 10, 0);

    @TempDir
    Path root;
    Path store;

    @BeforeEach
    void setUp() throws IOException {
        store = Files.createDirectory(root.resolve("store"));
    }

    private Path put(String name, byte[] data) throws IOException {
        return Files.write(store.resolve(name), data);
    }

    private List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private String refused(Path archive) {
        return assertThrows(VmException.class, () -> new Decompressor(SMALL).decompress(archive)).getMessage();
    }

    @Test
    void gzBombIsStoppedAndItsOutputDeleted() throws Exception {
        Path bomb = put("zeros.img.gz", Archives.gzip(new byte[1 << 20]));
        assertEquals("refusing to unpack zeros.img.gz: it expands to more than 65536 bytes, which looks like a "
                + "decompression bomb", refused(bomb));
        assertEquals(List.of("zeros.img.gz"), entries(store));
    }

    @Test
    void xzBombIsStopped() throws Exception {
        Path bomb = put("zeros.raw.xz", Archives.xz(new byte[1 << 20]));
        refused(bomb);
        assertEquals(List.of("zeros.raw.xz"), entries(store));
    }

    @Test
    void tarBombIsStoppedAndTheStagingDirectoryRemoved() throws Exception {
        Path bomb = put("many.tar.gz", Archives.tarGz(tar -> {
            for (int i = 0; i < 20; i++) {
                Archives.file(tar, "part" + i, new byte[16 * 1024]);
            }
        }));
        refused(bomb);
        assertEquals(List.of("many.tar.gz"), entries(store));
    }

    @Test
    void outputWithinTheRatioPassesAboveTheFloor() throws Exception {
        byte[] data = Archives.payload(200_000); // random bytes hardly compress: well under 10x
        Path gz = put("disk.img.gz", Archives.gzip(data));
        new Decompressor(SMALL).decompress(gz);
        assertArrayEquals(data, Files.readAllBytes(store.resolve("disk.img")));
    }

    @Test
    void zerosBecomeHolesAndATrailingHoleKeepsTheLength() throws Exception {
        byte[] data = new byte[200_000];
        data[0] = 1; // data, then 199999 zeros: the file ends in a hole
        Path gz = put("disk.raw.gz", Archives.gzip(data));
        new Decompressor(new OutputLimits(1 << 20, 1, 0)).decompress(gz);
        assertArrayEquals(data, Files.readAllBytes(store.resolve("disk.raw")));
        assertEquals(List.of("disk.raw"), entries(store));
    }

    @Test
    void freeSpaceIsChecked() throws Exception {
        Path gz = put("disk.img.gz", Archives.gzip(Archives.payload(100_000)));
        OutputLimits noRoom = new OutputLimits(Long.MAX_VALUE, 1, Files.getFileStore(store).getUsableSpace());
        assertEquals("refusing to unpack disk.img.gz: not enough free space in " + store,
                assertThrows(VmException.class, () -> new Decompressor(noRoom).decompress(gz)).getMessage());
        assertEquals(List.of("disk.img.gz"), entries(store));
    }

    @Test
    void parentDirectoryEntryIsRefusedAndNothingWritten() throws Exception {
        Path archive = put("evil.tar.gz", Archives.tarGz(tar -> {
            Archives.file(tar, "good.txt", "fine\n");
            Archives.file(tar, "../evil", "gotcha\n");
        }));
        assertEquals("refusing archive entry '../evil': it leads out of the directory with '..'", refused(archive));
        assertEquals(List.of("evil.tar.gz"), entries(store));
        assertEquals(List.of("store"), entries(root));
    }

    @Test
    void absoluteEntryIsRefused() throws Exception {
        Path archive = put("abs.tar.gz", Archives.tarGz(tar -> Archives.file(tar, "/tmp/evil", "x")));
        assertEquals("refusing archive entry '/tmp/evil': it is an absolute path", refused(archive));
    }

    @Test
    void symlinkOutOfTheStoreIsRefused() throws Exception {
        Path archive = put("link.tar.gz", Archives.tarGz(tar -> Archives.symlink(tar, "sub/up", "../../outside")));
        assertEquals("refusing archive entry 'sub/up': its link points outside the directory", refused(archive));
        Path absolute = put("abs-link.tar.gz", Archives.tarGz(tar -> Archives.symlink(tar, "etc", "/etc")));
        assertEquals("refusing archive entry 'etc': its link points outside the directory", refused(absolute));
        assertEquals(List.of("abs-link.tar.gz", "link.tar.gz"), entries(store));
    }

    @Test
    void writingThroughALinkIsRefused() throws Exception {
        Path archive = put("through.tar.gz", Archives.tarGz(tar -> {
            Archives.directory(tar, "real");
            Archives.symlink(tar, "alias", "real");
            Archives.file(tar, "alias/file", "x");
        }));
        assertEquals("refusing archive entry 'alias/file': it would be written through a link", refused(archive));
        assertEquals(List.of("through.tar.gz"), entries(store));
    }

    @Test
    void chainOfLinksLeavingTheStoreIsRefused() throws Exception {
        // each link looks harmless by name; followed together they lead to the store's parent
        Path archive = put("chain.tar.gz", Archives.tarGz(tar -> {
            Archives.directory(tar, "a/b");
            Archives.symlink(tar, "a/b/top", "../..");
            Archives.symlink(tar, "escape", "a/b/top/..");
        }));
        assertEquals("refusing archive entry 'escape': its link points outside the directory", refused(archive));
        assertFalse(Files.exists(store.resolve("escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void existingFilesAreMergedAndReplaced() throws Exception {
        Files.writeString(store.resolve("keep.txt"), "mine");
        Files.writeString(store.resolve("disk.raw"), "old");
        Path archive = put("img.tar.gz", Archives.tarGz(tar -> Archives.file(tar, "disk.raw", "new")));
        new Decompressor(SMALL).decompress(archive);
        assertEquals(List.of("disk.raw", "keep.txt"), entries(store));
        assertEquals("new", Files.readString(store.resolve("disk.raw")));
    }
}
