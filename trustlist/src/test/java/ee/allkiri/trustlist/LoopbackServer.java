package ee.allkiri.trustlist;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A loopback HTTP server that serves lists, or misbehaves on purpose. */
final class LoopbackServer implements AutoCloseable {

    /** How a path is answered. */
    enum Mode { WHOLE, HALF, HTML, SILENT, DRIP }

    private record Route(byte[] body, Mode mode) {
    }

    private final HttpServer server;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    LoopbackServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Route route = routes.get(exchange.getRequestURI().getPath());
            try (exchange; OutputStream out = exchange.getResponseBody()) {
                if (route == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                switch (route.mode()) {
                    case WHOLE -> {
                        exchange.sendResponseHeaders(200, route.body().length);
                        out.write(route.body());
                    }
                    case HALF -> {
                        exchange.sendResponseHeaders(200, route.body().length);
                        out.write(route.body(), 0, route.body().length / 2);
                        out.flush();
                        throw new IOException("the test server stops half way");
                    }
                    case HTML -> {
                        byte[] page = "<!DOCTYPE html><html><body><h1>503 Service Unavailable</h1></body></html>"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        exchange.getResponseHeaders().add("Content-Type", "text/html");
                        exchange.sendResponseHeaders(200, page.length);
                        out.write(page);
                    }
                    case DRIP -> {
                        exchange.sendResponseHeaders(200, route.body().length);
                        for (int i = 0; i < 30; i++) {
                            out.write(route.body()[i]);
                            out.flush();
                            pause(100);
                        }
                        throw new IOException("the test server gives up dripping");
                    }
                    case SILENT -> {
                        try {
                            Thread.sleep(3000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            }
        });
        server.start();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void serve(String path, byte[] body, Mode mode) {
        routes.put(path, new Route(body, mode));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
