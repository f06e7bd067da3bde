package ee.allkiri.examples.petition;

import com.sun.net.httpserver.HttpServer;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * {@value #DEFAULT_MAX_UPLOAD_BYTES} bytes, one signature per upload (a container with more is
 * refused before it is verified), TEST certificates refused. The JDK server has no
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

    /** What {@code --help} prints. */
    static final String USAGE = String.join("\n",
            "usage: PetitionService [--trust SPEC]... [--accept-test-certificates] PORT ID=DOCUMENT...",
            "  Serves POST /initiatives/ID/signatures on 127.0.0.1:PORT for each initiative ID signing DOCUMENT.",
            "  --trust SPEC                as allkiri --trust (default ee-prod); e.g. ee-test for SK's TEST cards",
            "  --accept-test-certificates  accept signatures made with TEST certificates (for trying it out)");

    /**
     * Runs the service until the process is stopped. Arguments:
     * {@code [--trust SPEC]... [--accept-test-certificates] PORT ID=DOCUMENT...}, e.g.
     * {@code --trust ee-test --accept-test-certificates 8080 kliima-2026=initiative.html};
     * {@code --help} prints the usage. Trust as {@code allkiri --trust}, by default the embedded
     * {@code ee-prod}.
     */
    public static void main(String[] args) throws IOException {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        PetitionService service;
        try {
            service = start(args);
        } catch (IllegalArgumentException e) {
            System.err.println("PetitionService: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        System.out.println("listening on " + service.uri() + "initiatives/{id}/signatures");
    }

    /** Parses the command line of {@link #main} and starts the service. */
    static PetitionService start(String[] args) throws IOException {
        List<TrustSource> trust = new ArrayList<>();
        boolean acceptTest = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("--"); i++) {
            switch (args[i]) {
                case "--trust" -> {
                    if (++i == args.length) {
                        throw new IllegalArgumentException("--trust needs a SPEC");
                    }
                    trust.add(TrustSpecs.parse(args[i]));
                }
                case "--accept-test-certificates" -> acceptTest = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length - i < 2 || !args[i].matches("\\d{1,5}")
                || Arrays.stream(args).skip(i + 1).anyMatch(a -> a.indexOf('=') < 1)) {
            throw new IllegalArgumentException("PORT and at least one ID=DOCUMENT are needed");
        }
        if (trust.isEmpty()) {
            trust.add(EmbeddedSnapshots.source(EmbeddedSnapshots.EE_PROD));
        }
        Builder builder = builder()
                .verifier(Verifier.builder().trust(trust).build())
                .port(Integer.parseInt(args[i]));
        if (acceptTest) {
            builder.acceptTestCertificates();
        }
        for (int j = i + 1; j < args.length; j++) {
            int eq = args[j].indexOf('=');
            builder.initiative(Initiative.of(args[j].substring(0, eq), Files.readAllBytes(Path.of(args[j].substring(eq + 1)))));
        }
        return builder.start();
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
