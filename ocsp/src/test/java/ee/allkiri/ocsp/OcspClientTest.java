package ee.allkiri.ocsp;

import static ee.allkiri.core.FindingCode.OCSP_NONCE_MISMATCH;
import static ee.allkiri.core.FindingCode.OCSP_NONCE_MISSING;
import static ee.allkiri.core.FindingCode.OCSP_NO_RESPONDER;
import static ee.allkiri.core.FindingCode.OCSP_RESPONDER_NOT_AUTHORIZED;
import static ee.allkiri.core.FindingCode.OCSP_RESPONSE_INVALID;
import static ee.allkiri.core.FindingCode.OCSP_RESPONSE_TOO_LARGE;
import static ee.allkiri.core.FindingCode.REVOCATION_UNAVAILABLE;
import static ee.allkiri.ocsp.testing.TestPki.issue;
import static ee.allkiri.ocsp.testing.TestPki.responder;
import static ee.allkiri.ocsp.testing.TestPki.root;
import static ee.allkiri.ocsp.testing.TestPki.signer;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.spi.RevocationReason;
import ee.allkiri.core.spi.RevocationResult.Found;
import ee.allkiri.core.spi.RevocationResult.NotAvailable;
import ee.allkiri.core.spi.RevocationResult;
import ee.allkiri.core.spi.RevocationStatus;
import ee.allkiri.ocsp.testing.ExternalTool;
import ee.allkiri.ocsp.testing.LoopbackProxy;
import ee.allkiri.ocsp.testing.OpensslResponder;
import ee.allkiri.ocsp.testing.TestPki.Issued;
import ee.allkiri.ocsp.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The online client against a real responder: OpenSSL's {@code openssl ocsp} on a loopback
 * port, answering for a test CA from an index.txt with a good and a revoked certificate.
 * Faults come from a second responder signing with an unauthorized key and from a loopback
 * proxy in between. The tests that talk to a responder need openssl (and fail, naming it, when it
 * is missing); the transport faults need none.
 */
class OcspClientTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant REVOKED_AT = NOW.minus(Duration.ofDays(2));

    static Issued ca;
    static Issued delegated;
    static Issued good;
    static Issued revoked;
    static Issued unknown;
    private static OpensslResponder responder;

    @TempDir
    static Path directory;

    @BeforeAll
    static void issueCertificates() throws Exception {
        ca = root("Online CA", NOW);
        delegated = issue(ca, "Online CA OCSP Responder", NOW, responder(true));
        good = issue(ca, "Good Signer", NOW, signer());
        revoked = issue(ca, "Revoked Signer", NOW, signer());
        unknown = issue(ca, "Unknown Signer", NOW, signer());
    }

    /** The openssl responder for the CA, started by the first test that needs it. */
    static synchronized OpensslResponder openssl() throws Exception {
        if (responder == null) {
            ExternalTool.require("openssl", "openssl");
            responder = OpensslResponder.start(directory.resolve("responder"), ca, delegated,
                    List.of(OpensslResponder.good(good), OpensslResponder.revoked(revoked, REVOKED_AT, "keyCompromise")), 5);
        }
        return responder;
    }

    @AfterAll
    static void stopResponder() {
        if (responder != null) {
            responder.close();
        }
    }

    static OcspClient.Builder client(URI url) {
        // timeouts that a slow, loaded machine never reaches; the tests of timeouts set their own
        return OcspClient.builder().trusted(List.of(ca.certificate())).responder("Online CA", url)
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30)).provider(TestPki.BC);
    }

    static FindingCode code(RevocationResult result) {
        assertThat(result).isInstanceOf(NotAvailable.class);
        return ((NotAvailable) result).code();
    }

    @Test
    @DisplayName("a good certificate is GOOD, with the raw response and its update times")
    void goodCertificateIsGood() throws Exception {
        RevocationResult result = client(openssl().url()).build().check(good.certificate(), ca.certificate());
        assertThat(result).isInstanceOf(Found.class);
        Found found = (Found) result;
        assertThat(found.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(found.revocationTime()).isNull();
        assertThat(found.nextUpdate()).isEqualTo(found.thisUpdate().plus(Duration.ofMinutes(5)));
        assertThat(OcspResponse.parse(found.rawResponse()).statusFor(good.certificate(), ca.certificate())).isPresent();
    }

    @Test
    @DisplayName("a revoked certificate is REVOKED, with the revocation time and reason")
    void revokedCertificateIsRevokedWithTimeAndReason() throws Exception {
        Found found = (Found) client(openssl().url()).build().check(revoked.certificate(), ca.certificate());
        assertThat(found.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(found.revocationTime()).isEqualTo(REVOKED_AT);
        assertThat(found.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    @DisplayName("a certificate the index does not list is UNKNOWN")
    void unlistedCertificateIsUnknown() throws Exception {
        Found found = (Found) client(openssl().url()).build().check(unknown.certificate(), ca.certificate());
        assertThat(found.status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    @DisplayName("an answer signed by a key the CA never authorized is OCSP_RESPONDER_NOT_AUTHORIZED")
    void answerFromUnauthorizedKeyIsRefused() throws Exception {
        Issued otherCa = root("Other CA", NOW);
        Issued rogue = issue(otherCa, "Rogue Responder", NOW, responder(true));
        ExternalTool.require("openssl", "openssl");
        try (OpensslResponder impostor = OpensslResponder.start(directory.resolve("rogue"), ca, rogue,
                List.of(OpensslResponder.good(good)), 5)) {
            RevocationResult result = client(impostor.url()).build().check(good.certificate(), ca.certificate());
            assertThat(code(result)).isEqualTo(OCSP_RESPONDER_NOT_AUTHORIZED);
        }
    }

    @Test
    @DisplayName("RFC 6960 4.4.1: a nonce changed on the way is OCSP_NONCE_MISMATCH")
    void alteredNonceIsRefused() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(openssl().url(), withNonce(new byte[] {1, 2, 3}))) {
            RevocationResult result = client(proxy.url()).build().check(good.certificate(), ca.certificate());
            assertThat(code(result)).isEqualTo(OCSP_NONCE_MISMATCH);
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a nonce dropped on the way is OCSP_NONCE_MISSING, unless the client allows it")
    void droppedNonceIsRefusedByDefault() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(openssl().url(), withNonce(null))) {
            assertThat(code(client(proxy.url()).build().check(good.certificate(), ca.certificate())))
                    .isEqualTo(OCSP_NONCE_MISSING);
            RevocationResult relaxed = client(proxy.url()).allowMissingNonce().build().check(good.certificate(), ca.certificate());
            assertThat(relaxed).isInstanceOf(Found.class);
        }
    }

    @Test
    @DisplayName("a responder that is not running is REVOCATION_UNAVAILABLE (connection refused)")
    void stoppedResponderIsUnavailable() throws IOException {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
        }
        assertThat(code(client(closed).build().check(good.certificate(), ca.certificate()))).isEqualTo(REVOCATION_UNAVAILABLE);
    }

    @Test
    @DisplayName("a responder that never answers is REVOCATION_UNAVAILABLE once the read timeout passes")
    void silentResponderTimesOut() throws IOException {
        try (LoopbackProxy silent = LoopbackProxy.silent()) {
            long start = System.nanoTime();
            RevocationResult result = client(silent.url()).readTimeout(Duration.ofMillis(500)).build()
                    .check(good.certificate(), ca.certificate());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(code(result)).isEqualTo(REVOCATION_UNAVAILABLE);
            assertThat(silent.requests()).isEqualTo(1);
            // a timeout never fires early; and the silent peer never answers, so returning at all
            // proves a timeout fired: the configured 500 ms, not client()'s 30 s
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    @DisplayName("a response larger than the cap, streamed or announced, is OCSP_RESPONSE_TOO_LARGE, without reading it all")
    void oversizedResponseIsRefused() throws IOException {
        long flood = 64L * 1024 * 1024;
        try (LoopbackProxy streaming = LoopbackProxy.streaming(flood)) {
            RevocationResult result = client(streaming.url()).maxResponseSize(16 * 1024).build()
                    .check(good.certificate(), ca.certificate());
            assertThat(code(result)).isEqualTo(OCSP_RESPONSE_TOO_LARGE);
            // the client stopped reading: what the peer got out is the cap plus the socket buffers, not the flood
            assertThat(streaming.sent()).isLessThan(flood / 4);
        }
        try (LoopbackProxy announced = LoopbackProxy.answering(200, new byte[20_000])) {
            RevocationResult result = client(announced.url()).maxResponseSize(16 * 1024).build()
                    .check(good.certificate(), ca.certificate());
            assertThat(code(result)).isEqualTo(OCSP_RESPONSE_TOO_LARGE);
        }
    }

    @Test
    @DisplayName("RFC 6960 2.3: tryLater is REVOCATION_UNAVAILABLE, an HTTP error too, and bytes that are no OCSP are OCSP_RESPONSE_INVALID")
    void responderErrorsAreNotStatuses() throws IOException {
        byte[] tryLater = {0x30, 0x03, 0x0a, 0x01, 0x03};
        byte[] malformedRequest = {0x30, 0x03, 0x0a, 0x01, 0x01};
        try (LoopbackProxy busy = LoopbackProxy.answering(200, tryLater);
             LoopbackProxy failing = LoopbackProxy.answering(500, "oops".getBytes(StandardCharsets.US_ASCII));
             LoopbackProxy refusing = LoopbackProxy.answering(200, malformedRequest);
             LoopbackProxy garbage = LoopbackProxy.answering(200, "no OCSP here".getBytes(StandardCharsets.US_ASCII))) {
            assertThat(code(client(busy.url()).build().check(good.certificate(), ca.certificate()))).isEqualTo(REVOCATION_UNAVAILABLE);
            assertThat(code(client(failing.url()).build().check(good.certificate(), ca.certificate()))).isEqualTo(REVOCATION_UNAVAILABLE);
            assertThat(code(client(refusing.url()).build().check(good.certificate(), ca.certificate()))).isEqualTo(OCSP_RESPONSE_INVALID);
            assertThat(code(client(garbage.url()).build().check(good.certificate(), ca.certificate()))).isEqualTo(OCSP_RESPONSE_INVALID);
        }
    }

    @Test
    @DisplayName("the cache answers a second request about the same certificate without a network call")
    void cacheServesTheSecondRequest() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(openssl().url(), UnaryOperator.identity())) {
            OcspClient client = client(proxy.url()).build();
            Found first = (Found) client.check(good.certificate(), ca.certificate());
            Found second = (Found) client.check(good.certificate(), ca.certificate());
            assertThat(proxy.requests()).isEqualTo(1);
            assertThat(second.rawResponse()).isEqualTo(first.rawResponse());
            client.check(revoked.certificate(), ca.certificate());
            assertThat(proxy.requests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the cache asks again once the cached status has passed its nextUpdate")
    void cacheHonoursNextUpdate() throws Exception {
        SettableClock clock = new SettableClock();
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(openssl().url(), UnaryOperator.identity())) {
            OcspClient client = client(proxy.url()).clock(clock).build();
            client.check(good.certificate(), ca.certificate());
            clock.offset = Duration.ofMinutes(4);
            client.check(good.certificate(), ca.certificate());
            assertThat(proxy.requests()).isEqualTo(1);
            clock.offset = Duration.ofSeconds(5 * 60 + 30);
            RevocationResult later = client.check(good.certificate(), ca.certificate());
            assertThat(later).isInstanceOf(Found.class);
            assertThat(proxy.requests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a status without nextUpdate is never cached")
    void statusWithoutNextUpdateIsAskedAgain() throws Exception {
        ExternalTool.require("openssl", "openssl");
        try (OpensslResponder noNextUpdate = OpensslResponder.start(directory.resolve("no-next-update"), ca, delegated,
                List.of(OpensslResponder.good(good)), 0);
             LoopbackProxy proxy = LoopbackProxy.forwarding(noNextUpdate.url(), UnaryOperator.identity())) {
            OcspClient client = client(proxy.url()).build();
            Found found = (Found) client.check(good.certificate(), ca.certificate());
            client.check(good.certificate(), ca.certificate());
            assertThat(found.nextUpdate()).isNull();
            assertThat(proxy.requests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the AIA responder is called only when allow-listed; otherwise OCSP_NO_RESPONDER and no call")
    void aiaResponderOnlyWhenAllowListed() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(openssl().url(), UnaryOperator.identity())) {
            Issued withAia = issue(ca, "Signer With AIA", NOW, b -> {
                signer().accept(b);
                TestPki.aia(proxy.url().toString()).accept(b);
            });
            OcspClient.Builder noResponder = OcspClient.builder().trusted(List.of(ca.certificate())).provider(TestPki.BC);
            assertThat(code(noResponder.build().check(withAia.certificate(), ca.certificate()))).isEqualTo(OCSP_NO_RESPONDER);
            assertThat(proxy.requests()).isZero();
            RevocationResult allowed = noResponder.allowAiaResponder(proxy.url()).build().check(withAia.certificate(), ca.certificate());
            assertThat(allowed).isInstanceOf(Found.class);
            assertThat(((Found) allowed).status()).isEqualTo(RevocationStatus.UNKNOWN);
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    /** Rebuilds the request with another nonce, or none. */
    static UnaryOperator<byte[]> withNonce(byte[] nonce) {
        return der -> {
            try {
                OCSPReq request = new OCSPReq(der);
                OCSPReqBuilder builder = new OCSPReqBuilder();
                for (Req r : request.getRequestList()) {
                    builder.addRequest(r.getCertID());
                }
                if (nonce != null) {
                    builder.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(nonce).getEncoded())));
                }
                return builder.build().getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The system clock moved by a settable offset. */
    static final class SettableClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
