package org.vmbhyve.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/** Builds test payloads and archives in memory with the same libraries the code reads them with. */
final class Archives {

    private Archives() {
    }

    /** Random bytes with a run of zeros in the middle, so holes are exercised. */
    static byte[] payload(int size) {
        byte[] data = new byte[size];
        new Random(42).nextBytes(data);
        java.util.Arrays.fill(data, size / 4, size / 2, (byte) 0);
        return data;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    static byte[] xz(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    /** A tar of entries built by the callback, gzipped. */
    static byte[] tarGz(TarWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            writer.write(tar);
        }
        return bytes.toByteArray();
    }

    interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    static void file(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true); // true: keep a leading "/" as written
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
        file(tar, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static void symlink(TarArchiveOutputStream tar, String name, String target) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    static void directory(TarArchiveOutputStream tar, String name) throws IOException {
        tar.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"));
        tar.closeArchiveEntry();
    }
}
