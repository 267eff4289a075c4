package org.vmbhyve.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongFunction;
import org.vmbhyve.error.VmException;

/**
 * Fetches a URL into a directory, standing in for upstream's {@code fetch -o DIR URL}. The body
 * goes to a part file renamed to the final name only when every byte has arrived; on any
 * failure nothing is left and the reason is the error message.
 */
final class Downloader {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** Until the response headers arrive; the body of an ISO may take as long as it takes. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(2);
    /** A body that sends nothing for this long is given up (the JDK client has no read timeout). */
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);
    private static final int BUFFER = 64 * 1024;

    private final HttpClient client;
    private final LongFunction<Progress> progress;
    private final Duration stallTimeout;

    /** @param progress makes the progress display for a transfer of the given length (-1: unknown) */
    Downloader(LongFunction<Progress> progress) {
        this(progress, STALL_TIMEOUT);
    }

    Downloader(LongFunction<Progress> progress, Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
        // NORMAL follows redirects, http to https included, but never https to http
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
        this.progress = progress;
    }

    /** Downloads URI to DIR/NAME and returns that path. */
    Path download(URI uri, Path dir, String name) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failed(uri, reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(uri, "interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw failed(uri, "HTTP " + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Path target = dir.resolve(name);
            try (PartFile part = new PartFile(dir, name)) {
                receive(uri, body, part, length);
                part.commit(target);
            } catch (IOException e) {
                throw new VmException("unable to write " + target + ": " + reason(e));
            }
            return target;
        } catch (IOException e) {
            throw failed(uri, reason(e)); // closing the body
        }
    }

    private void receive(URI uri, InputStream body, PartFile part, long length) throws IOException {
        Progress shown = progress.apply(length);
        byte[] buf = new byte[BUFFER];
        long received = 0;
        StallWatch watch = new StallWatch(body, stallTimeout);
        try (watch) {
            while (true) {
                int n;
                try {
                    n = body.read(buf);
                } catch (IOException e) {
                    if (watch.stalled()) {
                        throw failed(uri, "no data for " + stallTimeout.toSeconds() + " seconds");
                    }
                    throw failed(uri, length > received ? cutShort(received, length) : reason(e));
                }
                watch.progressed();
                if (n < 0) {
                    break;
                }
                part.write(buf, n);
                received += n;
                shown.advance(received);
            }
        } finally {
            shown.done();
        }
        if (length >= 0 && received != length) {
            throw failed(uri, cutShort(received, length));
        }
    }

    private static String cutShort(long received, long length) {
        return "connection closed after " + received + " of " + length + " bytes";
    }

    private static VmException failed(URI uri, String reason) {
        return new VmException("download failed: " + reason + " for " + uri);
    }

    /** A readable reason for an I/O failure; the JDK's exceptions often carry no message. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return "host not found";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "connection timed out";
            }
            if (t instanceof HttpTimeoutException) {
                return "no response within " + RESPONSE_TIMEOUT.toMinutes() + " minutes";
            }
            if (t instanceof java.net.ConnectException && t.getMessage() == null) {
                return "connection refused";
            }
            if (t instanceof InterruptedException) {
                return "interrupted";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }
}
