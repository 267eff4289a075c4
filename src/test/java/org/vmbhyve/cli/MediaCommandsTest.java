package org.vmbhyve.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vmbhyve.host.FakeRunner;

/** {@code vm iso URL} / {@code vm img URL} against a loopback HTTP server. */
class MediaCommandsTest {

    @TempDir
    Path root;
    TestVm vm;
    HttpServer server;
    String base;

    @BeforeEach
    void setUp() throws Exception {
        vm = new TestVm(root);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "iso image".getBytes(StandardCharsets.US_ASCII);
            int code = exchange.getRequestURI().getPath().equals("/x.iso") ? 200 : 404;
            exchange.sendResponseHeaders(code, code == 200 ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (code == 200) {
                    out.write(body);
                }
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void tearDown() {
        server.stop(0);
    }

    @Test
    void isoUrlIsStoredInTheDefaultIsoDirectory() throws Exception {
        TestVm.Result r = vm.vm("iso", base + "/x.iso");
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out() + r.err());
        assertEquals("iso image", Files.readString(vm.vmDir.resolve(".iso/x.iso")));
        assertEquals(String.format("%-20s%s%n%-20s%s%n", "DATASTORE", "FILENAME", "default", "x.iso"), vm.vm("iso").out());
    }

    @Test
    void imgUrlGoesToANamedImageStore() throws Exception {
        vm.runner.answer("qemu-img", argv -> FakeRunner.ok(""));
        Path images = Files.createDirectory(root.resolve("images"));
        assertEquals(0, vm.vm("datastore", "img", "clouds", images.toString()).exit());
        TestVm.Result r = vm.vm("img", "-d", "clouds", base + "/x.iso");
        assertEquals(0, r.exit(), r.err());
        assertEquals("iso image", Files.readString(images.resolve("x.iso")));
        assertEquals(String.format("%-20s%s%n%-20s%s%n", "DATASTORE", "FILENAME", "clouds", "x.iso"), vm.vm("img").out());
        assertEquals("""
                [ {
                  "datastore" : "clouds",
                  "filename" : "x.iso",
                  "bytes" : 9
                } ]
                """, vm.vm("img", "--json").out());
    }

    @Test
    void unknownDatastoreFails() {
        TestVm.Result r = vm.vm("iso", "-d", "nosuch", base + "/x.iso");
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: unable to locate path for datastore 'nosuch'\n", r.err());
    }

    @Test
    void failedDownloadExitsOneAndStoresNothing() {
        TestVm.Result r = vm.vm("iso", base + "/gone.iso");
        assertEquals(1, r.exit());
        assertEquals("vm: ERROR: download failed: HTTP 404 for " + base + "/gone.iso\n", r.err());
        assertFalse(Files.exists(vm.vmDir.resolve(".iso/gone.iso")));
    }
}
