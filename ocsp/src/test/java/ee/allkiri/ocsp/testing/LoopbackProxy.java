package ee.allkiri.ocsp.testing;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A tiny HTTP server on a loopback port that stands between the client and a responder: it
 * counts requests, and can alter the request on its way, answer with something of its own,
 * stream an endless body, or never answer.
 */
public final class LoopbackProxy implements AutoCloseable {

    /** Thrown by a behaviour that keeps the connection open without a word. */
    private static final class Silence extends IOException {
    }

    /** What to do with one request body. */
    public interface Behaviour {
        void answer(byte[] request, OutputStream client) throws IOException;
    }

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private LoopbackProxy(Behaviour behaviour) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.behaviour = behaviour;
        Thread acceptor = new Thread(this::accept, "loopback-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Forwards to the upstream responder, passing the request body through the transformation. */
    public static LoopbackProxy forwarding(URI upstream, UnaryOperator<byte[]> alterRequest) throws IOException {
        return new LoopbackProxy((request, client) -> {
            try (Socket socket = new Socket(upstream.getHost(), upstream.getPort())) {
                byte[] body = alterRequest.apply(request);
                OutputStream out = socket.getOutputStream();
                out.write(("POST / HTTP/1.0\r\nContent-Type: application/ocsp-request\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                client.write(socket.getInputStream().readAllBytes());
            }
        });
    }

    /** Answers every request with this status and body. */
    public static LoopbackProxy answering(int status, byte[] body) throws IOException {
        return new LoopbackProxy((request, client) -> {
            client.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/ocsp-response\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            client.write(body);
        });
    }

    /** Answers 200 and streams this many bytes without announcing a length. */
    public static LoopbackProxy streaming(long bytes) throws IOException {
        return new LoopbackProxy((request, client) -> {
            client.write("HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8192];
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                client.write(chunk);
            }
        });
    }

    /** Reads the request and never answers. */
    public static LoopbackProxy silent() throws IOException {
        return new LoopbackProxy((request, client) -> {
            throw new Silence();
        });
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/ocsp");
    }

    /** How many requests arrived. */
    public int requests() {
        return requests.get();
    }

    /** How many bytes of answers the clients took so far (written into their connections). */
    public long sent() {
        return sent.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread worker = new Thread(() -> serve(socket), "loopback-proxy-connection");
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            byte[] request = readRequest(socket.getInputStream());
            if (request == null) {
                return;
            }
            requests.incrementAndGet();
            OutputStream out = new Counting(socket.getOutputStream(), sent);
            try {
                behaviour.answer(request, out);
                out.flush();
            } catch (Silence silence) {
                socket.getInputStream().read();
            }
        } catch (IOException e) {
            // the client went away; nothing to report
        } finally {
            open.remove(socket);
        }
    }

    /** Reads the head and the Content-Length body of one request; null at end of stream. */
    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return in.readNBytes(length);
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        private final AtomicLong count;

        Counting(OutputStream out, AtomicLong count) {
            super(out);
            this.count = count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count.addAndGet(len);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
