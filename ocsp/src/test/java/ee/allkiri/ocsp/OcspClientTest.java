package ee.allkiri.ocsp;

import static ee.allkiri.core.FindingCode.OCSP_NONCE_MISMATCH;
import static ee.allkiri.core.FindingCode.OCSP_NONCE_MISSING;
import static ee.allkiri.core.FindingCode.OCSP_NO_RESPONDER;
import static ee.allkiri.core.FindingCode.OCSP_RESPONDER_NOT_AUTHORIZED;
import static ee.allkiri.core.FindingCode.OCSP_RESPONSE_INVALID;
import static ee.allkiri.core.FindingCode.OCSP_RESPONSE_TOO_LARGE;
import static ee.allkiri.core.FindingCode.REVOCATION_UNAVAILABLE;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.spi.RevocationReason;
import ee.allkiri.core.spi.RevocationResult.Found;
import ee.allkiri.core.spi.RevocationResult.NotAvailable;
import ee.allkiri.core.spi.RevocationResult;
import ee.allkiri.core.spi.RevocationStatus;
import ee.allkiri.ocsp.internal.OcspResponse;
import ee.allkiri.ocsp.testing.ExternalTool;
import ee.allkiri.ocsp.testing.LoopbackProxy;
import ee.allkiri.ocsp.testing.OnlineCa;
import ee.allkiri.testkit.pki.Authority;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.service.OpensslResponder;
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
 * port ({@link OnlineCa}), answering for the testkit PKI's ESTEID2018-like CA as its delegated
 * responder, knowing a good and a revoked certificate. Faults come from a second responder signing
 * with the key of another CA's responder and from a loopback proxy in between. The tests that
 * talk to a responder need openssl (and fail, naming it, when it is missing); the transport
 * faults need none.
 */
class OcspClientTest {

    static final OnlineCa ONLINE = new OnlineCa();
    static final TestPki PKI = ONLINE.pki();
    static final Authority CA = ONLINE.ca();
    static final Authority DELEGATED = PKI.ocspResponder(CA);
    static final Persona GOOD = ONLINE.good();
    static final Persona REVOKED = ONLINE.revoked();
    /** Not in the responder's index. */
    static final Persona UNKNOWN = ONLINE.personas().digiId();

    @TempDir
    static Path directory;

    @AfterAll
    static void stopResponder() {
        ONLINE.close();
    }

    static OcspClient.Builder client(URI url) {
        // timeouts that a slow, loaded machine never reaches; the tests of timeouts set their own
        return OcspClient.builder().trusted(List.of(CA.certificate())).responder(CA.commonName(), url)
                .connectTimeout(Duration.ofSeconds(30)).readTimeout(Duration.ofSeconds(30)).provider(PKI.provider());
    }

    static FindingCode code(RevocationResult result) {
        assertThat(result).isInstanceOf(NotAvailable.class);
        return ((NotAvailable) result).code();
    }

    @Test
    @DisplayName("a good certificate is GOOD, with the raw response and its update times")
    void goodCertificateIsGood() throws Exception {
        RevocationResult result = client(ONLINE.url()).build().check(GOOD.certificate(), CA.certificate());
        assertThat(result).isInstanceOf(Found.class);
        Found found = (Found) result;
        assertThat(found.status()).isEqualTo(RevocationStatus.GOOD);
        assertThat(found.revocationTime()).isNull();
        assertThat(found.nextUpdate()).isEqualTo(found.thisUpdate().plus(Duration.ofMinutes(5)));
        assertThat(OcspResponse.parse(found.rawResponse()).statusFor(GOOD.certificate(), CA.certificate())).isPresent();
    }

    @Test
    @DisplayName("a revoked certificate is REVOKED, with the revocation time and reason")
    void revokedCertificateIsRevokedWithTimeAndReason() throws Exception {
        Found found = (Found) client(ONLINE.url()).build().check(REVOKED.certificate(), CA.certificate());
        assertThat(found.status()).isEqualTo(RevocationStatus.REVOKED);
        assertThat(found.revocationTime()).isEqualTo(REVOKED.revokedAt());
        assertThat(found.reason()).isEqualTo(RevocationReason.KEY_COMPROMISE);
    }

    @Test
    @DisplayName("a certificate the index does not list is UNKNOWN")
    void unlistedCertificateIsUnknown() throws Exception {
        Found found = (Found) client(ONLINE.url()).build().check(UNKNOWN.certificate(), CA.certificate());
        assertThat(found.status()).isEqualTo(RevocationStatus.UNKNOWN);
    }

    @Test
    @DisplayName("an answer signed by a key the CA never authorized is OCSP_RESPONDER_NOT_AUTHORIZED")
    void answerFromUnauthorizedKeyIsRefused() throws Exception {
        ExternalTool.require("openssl", "openssl");
        try (OpensslResponder impostor = OpensslResponder.start(directory.resolve("rogue"), CA, PKI.rogueResponder(),
                List.of(GOOD), 5)) {
            RevocationResult result = client(impostor.url()).build().check(GOOD.certificate(), CA.certificate());
            assertThat(code(result)).isEqualTo(OCSP_RESPONDER_NOT_AUTHORIZED);
        }
    }

    @Test
    @DisplayName("RFC 6960 4.4.1: a nonce changed on the way is OCSP_NONCE_MISMATCH")
    void alteredNonceIsRefused() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(ONLINE.url(), withNonce(new byte[] {1, 2, 3}))) {
            RevocationResult result = client(proxy.url()).build().check(GOOD.certificate(), CA.certificate());
            assertThat(code(result)).isEqualTo(OCSP_NONCE_MISMATCH);
            assertThat(proxy.requests()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a nonce dropped on the way is OCSP_NONCE_MISSING, unless the client allows it")
    void droppedNonceIsRefusedByDefault() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(ONLINE.url(), withNonce(null))) {
            assertThat(code(client(proxy.url()).build().check(GOOD.certificate(), CA.certificate())))
                    .isEqualTo(OCSP_NONCE_MISSING);
            RevocationResult relaxed = client(proxy.url()).allowMissingNonce().build().check(GOOD.certificate(), CA.certificate());
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
        assertThat(code(client(closed).build().check(GOOD.certificate(), CA.certificate()))).isEqualTo(REVOCATION_UNAVAILABLE);
    }

    @Test
    @DisplayName("a responder that never answers is REVOCATION_UNAVAILABLE once the read timeout passes")
    void silentResponderTimesOut() throws IOException {
        try (LoopbackProxy silent = LoopbackProxy.silent()) {
            long start = System.nanoTime();
            RevocationResult result = client(silent.url()).readTimeout(Duration.ofMillis(500)).build()
                    .check(GOOD.certificate(), CA.certificate());
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
                    .check(GOOD.certificate(), CA.certificate());
            assertThat(code(result)).isEqualTo(OCSP_RESPONSE_TOO_LARGE);
            // the client stopped reading: what the peer got out is the cap plus the socket buffers, not the flood
            assertThat(streaming.sent()).isLessThan(flood / 4);
        }
        try (LoopbackProxy announced = LoopbackProxy.answering(200, new byte[20_000])) {
            RevocationResult result = client(announced.url()).maxResponseSize(16 * 1024).build()
                    .check(GOOD.certificate(), CA.certificate());
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
            assertThat(code(client(busy.url()).build().check(GOOD.certificate(), CA.certificate()))).isEqualTo(REVOCATION_UNAVAILABLE);
            assertThat(code(client(failing.url()).build().check(GOOD.certificate(), CA.certificate()))).isEqualTo(REVOCATION_UNAVAILABLE);
            assertThat(code(client(refusing.url()).build().check(GOOD.certificate(), CA.certificate()))).isEqualTo(OCSP_RESPONSE_INVALID);
            assertThat(code(client(garbage.url()).build().check(GOOD.certificate(), CA.certificate()))).isEqualTo(OCSP_RESPONSE_INVALID);
        }
    }

    @Test
    @DisplayName("the cache answers a second request about the same certificate without a network call")
    void cacheServesTheSecondRequest() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(ONLINE.url(), UnaryOperator.identity())) {
            OcspClient client = client(proxy.url()).build();
            Found first = (Found) client.check(GOOD.certificate(), CA.certificate());
            Found second = (Found) client.check(GOOD.certificate(), CA.certificate());
            assertThat(proxy.requests()).isEqualTo(1);
            assertThat(second.rawResponse()).isEqualTo(first.rawResponse());
            client.check(REVOKED.certificate(), CA.certificate());
            assertThat(proxy.requests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the cache asks again once the cached status has passed its nextUpdate")
    void cacheHonoursNextUpdate() throws Exception {
        SettableClock clock = new SettableClock();
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(ONLINE.url(), UnaryOperator.identity())) {
            OcspClient client = client(proxy.url()).clock(clock).build();
            client.check(GOOD.certificate(), CA.certificate());
            clock.offset = Duration.ofMinutes(4);
            client.check(GOOD.certificate(), CA.certificate());
            assertThat(proxy.requests()).isEqualTo(1);
            clock.offset = Duration.ofSeconds(5 * 60 + 30);
            RevocationResult later = client.check(GOOD.certificate(), CA.certificate());
            assertThat(later).isInstanceOf(Found.class);
            assertThat(proxy.requests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("a status without nextUpdate is never cached")
    void statusWithoutNextUpdateIsAskedAgain() throws Exception {
        ExternalTool.require("openssl", "openssl");
        try (OpensslResponder noNextUpdate = OpensslResponder.start(directory.resolve("no-next-update"), CA, DELEGATED,
                List.of(GOOD), 0);
             LoopbackProxy proxy = LoopbackProxy.forwarding(noNextUpdate.url(), UnaryOperator.identity())) {
            OcspClient client = client(proxy.url()).build();
            Found found = (Found) client.check(GOOD.certificate(), CA.certificate());
            client.check(GOOD.certificate(), CA.certificate());
            assertThat(found.nextUpdate()).isNull();
            assertThat(proxy.requests()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("the AIA responder is called only when allow-listed; otherwise OCSP_NO_RESPONDER and no call")
    void aiaResponderOnlyWhenAllowListed() throws Exception {
        try (LoopbackProxy proxy = LoopbackProxy.forwarding(ONLINE.url(), UnaryOperator.identity())) {
            Persona withAia = PKI.persona(PersonaSpec.idCard("Aia", "Signer", "38001085718").withOcspUrl(proxy.url().toString()));
            OcspClient.Builder noResponder = OcspClient.builder().trusted(List.of(CA.certificate())).provider(PKI.provider());
            assertThat(code(noResponder.build().check(withAia.certificate(), CA.certificate()))).isEqualTo(OCSP_NO_RESPONDER);
            assertThat(proxy.requests()).isZero();
            RevocationResult allowed = noResponder.allowAiaResponder(proxy.url()).build().check(withAia.certificate(), CA.certificate());
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
