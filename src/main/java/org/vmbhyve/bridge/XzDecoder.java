package org.vmbhyve.bridge;

import java.io.IOException;
import java.io.InputStream;
import org.tukaani.xz.XZInputStream;
import org.vmbhyve.media.Decompressor;

/** Reads xz through the tukaani library (created by {@link org.vmbhyve.host.Libraries}). */
public final class XzDecoder implements Decompressor.Decoder {

    /** The decoder's memory cap; presets up to -9 need 65 MiB, the launcher's heap is 128 MiB. */
    private static final int MEMORY_LIMIT_KIB = 96 * 1024;

    @Override
    public InputStream open(InputStream in) throws IOException {
        return new XZInputStream(in, MEMORY_LIMIT_KIB);
    }
}
