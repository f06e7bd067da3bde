package ee.allkiri.examples.petition;

import com.sun.net.httpserver.HttpServer;
import ee.allkiri.asic.Verifier;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A petition service's signature endpoint on the JDK's HTTP server: a signer's browser (or the
 * service's own signing flow) posts the signed container to
 * {@code POST /initiatives/{id}/signatures}, and the service answers whether it is a valid
 * signature on exactly that initiative's document, by whom, and if not, why
 * (see {@link Answer} for the JSON).
 *
 * <pre>{@code
 * try (PetitionService service = PetitionService.builder()
 *         .verifier(verifier)                       // one shared Verifier: thread-safe
 *         .initiative(Initiative.of("kliima-2026", documentBytes))
 *         .start()) {
 *     URI endpoint = service.uri().resolve("/initiatives/kliima-2026/signatures");
 * }
 * }</pre>
 *
 * <p>Defaults: loopback address, an ephemeral port, 4 request threads, uploads of at most
 * {@value #DEFAULT_MAX_UPLOAD_BYTES} bytes, TEST certificates refused. The JDK server has no
 * request timeouts of its own; in production it belongs behind a reverse proxy that has them.
 * A started service is thread-safe; {@link #close()} stops it.
 */
public final class PetitionService implements AutoCloseable {

    /** The default cap on one upload: 4 MiB, plenty for a signed initiative text. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 4L << 20;

    private final HttpServer server;
    private final ExecutorService threads;

    private PetitionService(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address the service listens on, e.g. {@code http://127.0.0.1:41234/}. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /** Stops accepting requests, lets running ones finish for up to a second, and ends the threads. */
    @Override
    public void close() {
        server.stop(1);
        threads.shutdown();
    }

    /**
     * Runs the service on the embedded {@code ee-prod} trust until the process is stopped.
     * Arguments: {@code PORT ID=DOCUMENT...}, e.g.
     * {@code 8080 kliima-2026=initiative.html}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !args[0].matches("\\d{1,5}")
                || Arrays.stream(args).skip(1).anyMatch(a -> a.indexOf('=') < 1)) {
            System.err.println("usage: PetitionService PORT ID=DOCUMENT...");
            System.exit(2);
        }
        Builder builder = builder()
                .verifier(Verifier.builder().trust(EmbeddedSnapshots.source(EmbeddedSnapshots.EE_PROD)).build())
                .port(Integer.parseInt(args[0]));
        for (int i = 1; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            builder.initiative(Initiative.of(args[i].substring(0, eq), Files.readAllBytes(Path.of(args[i].substring(eq + 1)))));
        }
        PetitionService service = builder.start();
        System.out.println("listening on " + service.uri() + "initiatives/{id}/signatures");
    }

    /** Configures a {@link PetitionService}. Not thread-safe. */
    public static final class Builder {
        private Verifier verifier;
        private final Map<String, Initiative> initiatives = new LinkedHashMap<>();
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private int threads = 4;
        private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
        private boolean acceptTestCertificates;

        private Builder() {
        }

        /** The verifier (required); build it once and share it. */
        public Builder verifier(Verifier value) {
            this.verifier = Objects.requireNonNull(value);
            return this;
        }

        /** An initiative people may sign; repeatable. */
        public Builder initiative(Initiative value) {
            if (initiatives.putIfAbsent(value.id(), value) != null) {
                throw new IllegalArgumentException("two initiatives with the id " + value.id());
            }
            return this;
        }

        /** The address to listen on (default: loopback). */
        public Builder address(InetAddress value) {
            this.address = Objects.requireNonNull(value);
            return this;
        }

        /** The port (default 0: an ephemeral port, see {@link PetitionService#uri()}). */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("no such port: " + value);
            }
            this.port = value;
            return this;
        }

        /** Request threads (default 4); verification runs on them. */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("at least one thread");
            }
            this.threads = value;
            return this;
        }

        /** The largest upload accepted, in bytes (default {@value PetitionService#DEFAULT_MAX_UPLOAD_BYTES}, at most 1 GiB). */
        public Builder maxUploadBytes(long value) {
            if (value < 1 || value > (1L << 30)) {
                throw new IllegalArgumentException("the upload cap must be between 1 byte and 1 GiB");
            }
            this.maxUploadBytes = value;
            return this;
        }

        /** Counts signatures made with TEST certificates: for a staging service, never for production. */
        public Builder acceptTestCertificates() {
            this.acceptTestCertificates = true;
            return this;
        }

        /**
         * Binds the port and starts serving.
         *
         * @throws IOException           when the address cannot be bound
         * @throws IllegalStateException without a verifier or an initiative
         */
        public PetitionService start() throws IOException {
            if (verifier == null || initiatives.isEmpty()) {
                throw new IllegalStateException("a petition service needs a verifier and at least one initiative");
            }
            HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 0);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            server.setExecutor(pool);
            server.createContext(SignatureUpload.PREFIX,
                    new SignatureUpload(verifier, initiatives, maxUploadBytes, acceptTestCertificates));
            server.start();
            return new PetitionService(server, pool);
        }
    }
}
