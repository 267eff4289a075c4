package org.vmbhyve.media;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.vmbhyve.error.VmException;

/**
 * {@code vm iso URL} / {@code vm img URL}: downloads into a media store, then unpacks by suffix.
 * DEVIATE: a failed download ends the command with status 1, nothing is unpacked.
 */
public final class MediaFetcher {

    private final AddressFamily family;
    private final boolean showProgress;
    private final PrintWriter progressOut;

    /**
     * @param showProgress whether to draw a progress bar (stderr is a terminal)
     * @param progressOut where the bar goes
     */
    public MediaFetcher(AddressFamily family, boolean showProgress, PrintWriter progressOut) {
        this.family = family;
        this.showProgress = showProgress;
        this.progressOut = progressOut;
    }

    /** Downloads URL into STORE and unpacks it; returns the downloaded file's path. */
    public Path fetch(String url, Path store) {
        String name = MediaName.of(url);
        URI uri = parse(url);
        if (!Files.isDirectory(store)) {
            throw new VmException("unable to download into " + store + ": not a directory");
        }
        family.select(uri.getHost());
        Path file = new Downloader(length -> showProgress
                ? new ProgressBar(progressOut, length, System::nanoTime) : Progress.NONE)
                .download(uri, store, name);
        new Decompressor().decompress(file);
        return file;
    }

    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new VmException("invalid URL '" + url + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new VmException("unsupported URL '" + url + "': only http and https downloads are supported");
        }
        if (uri.getHost() == null) {
            throw new VmException("invalid URL '" + url + "': no host");
        }
        return uri;
    }
}
