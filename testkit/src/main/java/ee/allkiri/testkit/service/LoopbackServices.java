package ee.allkiri.testkit.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.operator.bc.BcDigestCalculatorProvider;

/**
 * The test PKI's OCSP responders and time-stamping unit over HTTP on the loopback interface
 * (an ephemeral port), speaking RFC 6960 appendix A and RFC 3161 section 3.4:
 *
 * <ul>
 *   <li>{@code POST /ocsp}: answers for personas of the PKI, signed by the persona's CA's
 *       delegated responder; the request nonce is echoed; an unknown certificate gets
 *       {@code unauthorized}.</li>
 *   <li>{@code POST /ocsp-tm}: the same, signed by the BDOC time-mark responder.</li>
 *   <li>{@code POST /tsa}: time-stamp tokens of the PKI's TSA.</li>
 * </ul>
 *
 * Times come from the clock (to the millisecond). Close it to stop the server.
 *
 * @since 0.1.0
 */
public final class LoopbackServices implements AutoCloseable {

    private final TestPki pki;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TimeStampAuthority tsa;
    private final AtomicInteger ocspRequests = new AtomicInteger();
    private final AtomicInteger tsaRequests = new AtomicInteger();

    private LoopbackServices(TestPki pki, Clock clock) throws IOException {
        this.pki = pki;
        this.clock = clock;
        this.tsa = new TimeStampAuthority(pki.tsa());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "testkit-loopback");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/ocsp", exchange -> handle(exchange, "application/ocsp-response", this::ocsp));
        server.createContext("/ocsp-tm", exchange -> handle(exchange, "application/ocsp-response", this::timeMark));
        server.createContext("/tsa", exchange -> handle(exchange, "application/timestamp-reply", this::timestamp));
        server.start();
    }

    /** Starts the services on an ephemeral loopback port. */
    public static LoopbackServices start(TestPki pki, Clock clock) throws IOException {
        return new LoopbackServices(pki, clock);
    }

    public URI ocspUrl() {
        return base().resolve("/ocsp");
    }

    public URI timeMarkUrl() {
        return base().resolve("/ocsp-tm");
    }

    public URI tsaUrl() {
        return base().resolve("/tsa");
    }

    private URI base() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /** OCSP requests answered so far. */
    public int ocspRequests() {
        return ocspRequests.get();
    }

    /** Time-stamp requests answered so far. */
    public int tsaRequests() {
        return tsaRequests.get();
    }

    @FunctionalInterface
    private interface Handler {
        byte[] answer(byte[] request, Instant now) throws IOException;
    }

    private void handle(HttpExchange exchange, String contentType, Handler handler) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] request;
            try (InputStream in = exchange.getRequestBody()) {
                request = in.readNBytes(1 << 20);
            }
            byte[] body;
            try {
                body = handler.answer(request, clock.instant().truncatedTo(ChronoUnit.MILLIS));
            } catch (IOException | RuntimeException e) {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private byte[] ocsp(byte[] request, Instant now) throws IOException {
        return answerOcsp(request, now, false);
    }

    private byte[] timeMark(byte[] request, Instant now) throws IOException {
        return answerOcsp(request, now, true);
    }

    private byte[] answerOcsp(byte[] der, Instant now, boolean timeMark) throws IOException {
        ocspRequests.incrementAndGet();
        OCSPReq request = new OCSPReq(der);
        Req[] requests = request.getRequestList();
        if (requests.length != 1) {
            return OcspResponder.error(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        CertificateID id = requests[0].getCertID();
        Optional<Persona> persona = pki.persona(id.getSerialNumber());
        if (persona.isEmpty() || !issuedBy(id, persona.get())) {
            return OcspResponder.error(OCSPRespBuilder.UNAUTHORIZED);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        OcspResponder responder = new OcspResponder(timeMark ? pki.timeMarkResponder() : pki.ocspResponder(persona.get()));
        return responder.respond(id, OcspStatus.at(persona.get().revokedAt(), now), now,
                nonce == null ? null : nonce.getExtnValue().getOctets());
    }

    private static boolean issuedBy(CertificateID id, Persona persona) {
        try {
            return id.matchesIssuer(new X509CertificateHolder(persona.issuer().certificate().getEncoded()),
                    new BcDigestCalculatorProvider());
        } catch (OCSPException | CertificateEncodingException | IOException e) {
            return false;
        }
    }

    private byte[] timestamp(byte[] request, Instant now) {
        tsaRequests.incrementAndGet();
        return tsa.respond(request, now);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
