package org.vmbhyve.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.error.VmException;

/** Downloads from a real loopback HTTP server, then unpacking by suffix. */
class MediaFetcherTest {

    private static final byte[] DATA = Archives.payload(300_000);

    @TempDir
    Path store;
    private final TestServer server;

    MediaFetcherTest() throws IOException {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path fetch(String path) {
        return new MediaFetcher(AddressFamily.ANY, false, null).fetch(server.url(path), store);
    }

    private VmException fails(String path) {
        return assertThrows(VmException.class, () -> fetch(path));
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> list = Files.list(store)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void plainDownloadLandsUnderItsNameWithTheSameBytes() throws Exception {
        server.serve("/pub/FreeBSD-14.iso", DATA);
        assertEquals(store.resolve("FreeBSD-14.iso"), fetch("/pub/FreeBSD-14.iso"));
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("FreeBSD-14.iso")));
        assertEquals(List.of("FreeBSD-14.iso"), entries());
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(store.resolve("FreeBSD-14.iso"))));
    }

    @Test
    void theNameKeepsTheQueryStringAsUpstreamDoes() throws Exception {
        server.serve("/get", DATA);
        fetch("/get?file=a.iso");
        assertEquals(List.of("get?file=a.iso"), entries());
    }

    @Test
    void redirectIsFollowed() throws Exception {
        server.serve("/real/disk.img", DATA).redirect("/latest/disk.img", server.url("/real/disk.img"));
        fetch("/latest/disk.img");
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("disk.img")));
        assertEquals(List.of("disk.img"), entries());
    }

    @Test
    void notFoundFailsAndLeavesNothing() throws Exception {
        server.status("/missing.iso", 404);
        assertEquals("download failed: HTTP 404 for " + server.url("/missing.iso"), fails("/missing.iso").getMessage());
        assertEquals(List.of(), entries());
    }

    @Test
    void anExistingFileIsReplacedOnlyOnSuccess() throws Exception {
        Files.writeString(store.resolve("a.iso"), "old");
        server.status("/broken/a.iso", 500).serve("/good/a.iso", DATA);
        fails("/broken/a.iso");
        assertEquals("old", Files.readString(store.resolve("a.iso")));
        fetch("/good/a.iso");
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("a.iso")));
    }

    @Test
    void truncatedBodyFailsAndLeavesNoPartFile() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread cutter = new Thread(() -> {
                try (Socket client = socket.accept()) {
                    InputStream in = client.getInputStream();
                    String request = "";
                    while (!request.endsWith("\r\n\r\n")) {
                        request += (char) in.read();
                    }
                    OutputStream out = client.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.write(DATA, 0, 1000);
                    out.flush();
                } catch (IOException e) {
                    // the test sees the result through the client
                }
            });
            cutter.start();
            String url = "http://127.0.0.1:" + socket.getLocalPort() + "/cut.iso";
            VmException e = assertThrows(VmException.class,
                    () -> new MediaFetcher(AddressFamily.ANY, false, null).fetch(url, store));
            assertEquals("download failed: connection closed after 1000 of 100000 bytes for " + url, e.getMessage());
            cutter.join();
        }
        assertEquals(List.of(), entries());
    }

    @Test
    void aServerThatStopsSendingFailsTheDownloadAndLeavesNothing() throws Exception {
        server.handle("/stalls.img", exchange -> {
            exchange.sendResponseHeaders(200, DATA.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(DATA, 0, 1000);
                out.flush();
                Thread.sleep(10_000);
            } catch (InterruptedException | IOException e) {
                // the client has gone
            }
        });
        VmException e = assertThrows(VmException.class, () -> new Downloader(length -> Progress.NONE,
                java.time.Duration.ofSeconds(1)).download(java.net.URI.create(server.url("/stalls.img")), store, "stalls.img"));
        assertEquals("download failed: no data for 1 seconds for " + server.url("/stalls.img"), e.getMessage());
        assertEquals(List.of(), entries());
    }

    @Test
    void slowServerStillCompletes() throws Exception {
        server.handle("/slow.img", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: length unknown
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < DATA.length; i += 30_000) {
                    out.write(DATA, i, Math.min(30_000, DATA.length - i));
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fetch("/slow.img");
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("slow.img")));
    }

    @Test
    void xzIsUnpackedAndRemoved() throws Exception {
        server.serve("/disk.raw.xz", Archives.xz(DATA));
        fetch("/disk.raw.xz");
        assertEquals(List.of("disk.raw"), entries());
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("disk.raw")));
    }

    @Test
    void gzIsUnpackedAndRemoved() throws Exception {
        server.serve("/disk.qcow2.gz", Archives.gzip(DATA));
        fetch("/disk.qcow2.gz");
        assertEquals(List.of("disk.qcow2"), entries());
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("disk.qcow2")));
    }

    @Test
    void tarGzIsExtractedIntoTheStoreAndRemoved() throws Exception {
        server.serve("/image.tar.gz", Archives.tarGz(tar -> {
            Archives.directory(tar, "./");
            Archives.file(tar, "./disk.raw", DATA);
            Archives.file(tar, "docs/README", "hello\n");
            Archives.symlink(tar, "latest.raw", "disk.raw");
        }));
        fetch("/image.tar.gz");
        assertEquals(List.of("disk.raw", "docs", "latest.raw"), entries());
        assertArrayEquals(DATA, Files.readAllBytes(store.resolve("disk.raw")));
        assertEquals("hello\n", Files.readString(store.resolve("docs/README")));
        assertEquals(Path.of("disk.raw"), Files.readSymbolicLink(store.resolve("latest.raw")));
    }

    @Test
    void otherSuffixesAreLeftAlone() throws Exception {
        server.serve("/disk.img.bz2", DATA);
        fetch("/disk.img.bz2");
        assertEquals(List.of("disk.img.bz2"), entries());
    }

    @Test
    void corruptArchiveFailsAndLeavesOnlyTheDownload() throws Exception {
        server.serve("/bad.img.xz", DATA);
        assertEquals("unable to unpack bad.img.xz: Input is not in the XZ format", fails("/bad.img.xz").getMessage());
        assertEquals(List.of("bad.img.xz"), entries());
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        VmException e = assertThrows(VmException.class,
                () -> new MediaFetcher(AddressFamily.ANY, false, null).fetch("ftp://host/x.iso", store));
        assertEquals("unsupported URL 'ftp://host/x.iso': only http and https downloads are supported", e.getMessage());
    }

    @Test
    void aUrlWithoutAFileNameIsRefused() {
        assertEquals("unable to tell a file name from URL 'http://host/..'",
                assertThrows(VmException.class, () -> MediaName.of("http://host/..")).getMessage());
        assertEquals("dir", MediaName.of("http://host/dir//"));
        assertEquals("1", MediaName.of("http://host/a.iso?x=/1")); // basename of the whole string
    }

    @Test
    void addressFamilyNeedsAnAddressOfThatFamily() {
        assertEquals("no IPv4 address for ::1",
                assertThrows(VmException.class, () -> AddressFamily.IPV4.check("::1")).getMessage());
        assertEquals("no IPv6 address for 127.0.0.1",
                assertThrows(VmException.class, () -> AddressFamily.IPV6.check("127.0.0.1")).getMessage());
        AddressFamily.IPV4.check("127.0.0.1");
        assertEquals(AddressFamily.ANY, AddressFamily.of(true, true));
        assertEquals(AddressFamily.IPV6, AddressFamily.of(false, true));
    }
}
