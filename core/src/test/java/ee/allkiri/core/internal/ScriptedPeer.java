package ee.allkiri.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP peer on a loopback port that answers each request with raw bytes written by a
 * script, so that it can lie about lengths, break off, drip or flood. Counts what it wrote.
 */
final class ScriptedPeer implements AutoCloseable {

    /** Writes one answer; the connection is closed when it returns. */
    interface Script {
        void answer(Output out) throws IOException, InterruptedException;
    }

    /** The connection's output, counting what got out. */
    static final class Output {
        private final OutputStream out;
        private final AtomicLong written;

        Output(OutputStream out, AtomicLong written) {
            this.out = out;
            this.written = written;
        }

        void ascii(String text) throws IOException {
            bytes(text.getBytes(StandardCharsets.US_ASCII));
        }

        void bytes(byte[] data) throws IOException {
            out.write(data);
            out.flush();
            written.addAndGet(data.length);
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicLong written = new AtomicLong();

    ScriptedPeer(Script script) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.script = script;
        Thread acceptor = new Thread(this::acceptAll, "scripted-peer-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/list.xml");
    }

    /** Bytes the script got into the connection so far. */
    long written() {
        return written.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                skipRequestHead(socket.getInputStream());
                script.answer(new Output(socket.getOutputStream(), written));
            } catch (IOException e) {
                // the client went away, or the server closed: nothing to report
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads up to the blank line that ends the request head (the tests send bodiless GETs). */
    private static void skipRequestHead(InputStream in) throws IOException {
        int last4 = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            last4 = (last4 << 8) | b;
            if (last4 == 0x0d0a0d0a) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
