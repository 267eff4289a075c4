package org.vmbhyve.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.vmbhyve.error.VmException;
import org.vmbhyve.host.Libraries;

/**
 * Unpacks a downloaded file by its suffix, as upstream's {@code core::decompress}: {@code .xz}
 * and {@code .gz} become the name without the suffix, {@code .tar.gz} is extracted into its
 * directory; the compressed file is deleted afterwards. Any other name is left alone. On
 * failure no output is left and the compressed file stays.
 */
public final class Decompressor {

    private static final int BUFFER = 64 * 1024;

    private final OutputLimits limits;

    public Decompressor() {
        this(OutputLimits.DEFAULT);
    }

    Decompressor(OutputLimits limits) {
        this.limits = limits;
    }

    public void decompress(Path file) {
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".xz")) {
                unpack(file, name.substring(0, name.length() - 3), Libraries.create(Decoder.class, "org.vmbhyve.bridge.XzDecoder"));
            } else if (name.endsWith(".tar.gz")) {
                new TarExtractor(limits).extract(file);
            } else if (name.endsWith(".gz")) {
                unpack(file, name.substring(0, name.length() - 3), GZIPInputStream::new);
            } else {
                return;
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new VmException("unable to unpack " + name + ": " + Downloader.reason(e));
        }
    }

    /** A decompressing view of a stream (public for the bridge that reads xz). */
    public interface Decoder {
        InputStream open(InputStream in) throws IOException;
    }

    private void unpack(Path file, String outName, Decoder decoder) throws IOException {
        if (outName.isEmpty()) {
            throw new VmException("unable to unpack " + file.getFileName() + ": no name is left without the suffix");
        }
        Path dir = file.toAbsolutePath().getParent();
        OutputBudget budget = new OutputBudget(limits, file, dir);
        try (InputStream in = decoder.open(new BufferedInputStream(Files.newInputStream(file)));
                PartFile out = new PartFile(dir, outName)) {
            pour(in, out, budget);
            out.commit(dir.resolve(outName));
        }
    }

    /** Copies IN to OUT, charging every byte to BUDGET. */
    static void pour(InputStream in, PartFile out, OutputBudget budget) throws IOException {
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.readNBytes(buf, 0, buf.length)) > 0; ) {
            budget.charge(n, out.write(buf, n));
        }
    }
}
