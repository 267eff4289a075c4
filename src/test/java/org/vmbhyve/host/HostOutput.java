package org.vmbhyve.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The published host-tool outputs of {@code src/test/resources/host-output} (see its README). */
public final class HostOutput {

    private HostOutput() {
    }

    /** The file as the tool printed it. */
    public static String text(String file) {
        try (InputStream in = HostOutput.class.getResourceAsStream("/host-output/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no host output " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its lines, as {@link ProcessResult#lines()} gives them. */
    public static List<String> lines(String file) {
        return new ProcessResult(0, text(file), "").lines();
    }
}
