package org.vmbhyve.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP server on a loopback port for download tests. */
final class TestServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    TestServer serve(String path, byte[] body) {
        return handle(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    TestServer status(String path, int code) {
        return handle(path, exchange -> {
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
    }

    TestServer redirect(String path, String location) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
    }

    TestServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (HttpExchange e = exchange) {
                handler.handle(e);
            }
        });
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
