package ee.allkiri.ocsp;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.spi.RevocationResult.Found;
import ee.allkiri.core.spi.RevocationResult.NotAvailable;
import ee.allkiri.core.spi.RevocationResult;
import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.ocsp.internal.OcspCheck;
import ee.allkiri.ocsp.internal.OcspFormatException;
import ee.allkiri.ocsp.internal.OcspResponse;
import ee.allkiri.ocsp.internal.OcspVerification;
import ee.allkiri.ocsp.internal.OcspVerifier;
import ee.allkiri.ocsp.internal.SingleStatus;
import java.net.URI;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Asks an OCSP responder, now, about a certificate: a service checking a signer at the moment
 * of signing, or a verifier for a signature that carries no revocation data.
 *
 * <pre>{@code
 * OcspClient ocsp = OcspClient.builder()
 *         .trusted(trustedCertificates)              // CAs and responders
 *         .responder("ESTEID2018", URI.create("http://aia.sk.ee/esteid2018"))
 *         .build();
 * RevocationResult result = ocsp.check(signerCertificate, issuerCertificate);
 * if (result instanceof RevocationResult.Found found) {
 *     archive(found.rawResponse());
 * }
 * }</pre>
 *
 * <p>Every answer is checked as allkiri checks an OCSP response embedded in a signature (the
 * CertID, an authorized responder, its signature, thisUpdate/nextUpdate against the current time),
 * and must echo the request's random nonce. {@link RevocationResult.Found} comes only from a
 * response that passed; anything else is {@link RevocationResult.NotAvailable} with a finding
 * code, never an exception and never a hang: a call takes at most the connect timeout plus the
 * read timeout. Redirects are not followed.
 *
 * <p>Defaults: no responder URL (configure one per issuer, or allow-list AIA URLs), connect
 * timeout 5 s, read timeout 10 s, responses up to 64 KiB, a nonce required in the answer,
 * {@link OcspPolicy#STRICT}, a cache of 1000 statuses kept until their nextUpdate, the system
 * UTC clock, a Bouncy Castle provider instance of its own. Immutable configuration; the
 * cache inside is thread-safe, and so is the client. Build one and share it.
 *
 * @since 0.1.0
 */
public final class OcspClient implements RevocationSource {

    private static final int NONCE_LENGTH = 32;

    private final ResponderUrls urls;
    private final OcspHttp http;
    private final OcspVerifier verifier;
    private final StatusCache cache;
    private final Clock clock;
    private final boolean requireNonce;
    private final Provider provider;
    private final SecureRandom random = new SecureRandom();

    private OcspClient(Builder b) {
        this.provider = b.provider != null ? b.provider : new BouncyCastleProvider();
        this.urls = new ResponderUrls(b.responders, b.allowedAia);
        this.http = new OcspHttp(b.connectTimeout, b.readTimeout, b.maxResponseSize);
        this.verifier = OcspVerifier.builder().trusted(b.trusted).policy(b.policy).provider(provider).build();
        this.cache = new StatusCache(b.cacheSize, b.policy);
        this.clock = b.clock;
        this.requireNonce = !b.allowMissingNonce;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RevocationResult check(X509Certificate certificate, X509Certificate issuer) {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(issuer, "issuer");
        Optional<Found> cached = cache.get(certificate, issuer, clock.instant());
        if (cached.isPresent()) {
            return cached.get();
        }
        StringBuilder why = new StringBuilder();
        Optional<URI> url = urls.resolve(certificate, issuer, why);
        if (url.isEmpty()) {
            return new NotAvailable(FindingCode.OCSP_NO_RESPONDER, why.toString());
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] body;
        try {
            body = http.post(url.get(), OcspRequests.build(certificate, issuer, nonce, provider));
        } catch (OcspHttp.Failure e) {
            return new NotAvailable(e.code(), e.getMessage());
        }
        RevocationResult result = judge(body, certificate, issuer, nonce, url.get());
        if (result instanceof Found found) {
            cache.put(certificate, issuer, found, clock.instant());
        }
        return result;
    }

    private RevocationResult judge(byte[] body, X509Certificate certificate, X509Certificate issuer, byte[] nonce, URI url) {
        OcspResponse response;
        try {
            response = OcspResponse.parse(body);
        } catch (OcspFormatException e) {
            int status = e.responseStatus();
            FindingCode code = status == OcspFormatException.TRY_LATER || status == OcspFormatException.INTERNAL_ERROR
                    ? FindingCode.REVOCATION_UNAVAILABLE : FindingCode.OCSP_RESPONSE_INVALID;
            return new NotAvailable(code, url + ": " + e.getMessage());
        }
        OcspVerification verification = verifier.verify(response, OcspCheck.current(certificate, issuer, clock.instant()));
        Optional<Finding> fault = verification.fault();
        if (fault.isPresent()) {
            return new NotAvailable(fault.get().code(), url + ": " + fault.get().message());
        }
        Optional<byte[]> echoed = response.nonce();
        if (echoed.isEmpty() && requireNonce) {
            return new NotAvailable(FindingCode.OCSP_NONCE_MISSING, url + " did not echo the request's nonce");
        }
        if (echoed.isPresent() && !MessageDigest.isEqual(echoed.get(), OcspRequests.nonceValue(nonce))) {
            return new NotAvailable(FindingCode.OCSP_NONCE_MISMATCH, url + " answered with another request's nonce");
        }
        SingleStatus s = verification.status();
        return new Found(s.status(), s.revocationTime(), s.revocationReason(), body, response.producedAt(), s.thisUpdate(),
                s.nextUpdate());
    }

    /** Configures an {@link OcspClient}. Not thread-safe; the client it builds is. */
    public static final class Builder {
        private static final Duration MAX_TIMEOUT = Duration.ofMinutes(1);

        private final List<X509Certificate> trusted = new ArrayList<>();
        private final Map<String, URI> responders = new LinkedHashMap<>();
        private final Set<URI> allowedAia = new LinkedHashSet<>();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxResponseSize = 64 * 1024;
        private int cacheSize = 1000;
        private OcspPolicy policy = OcspPolicy.STRICT;
        private Clock clock = Clock.systemUTC();
        private Provider provider;
        private boolean allowMissingNonce;

        private Builder() {
        }

        /**
         * Trusted certificates: issuers' CAs and responders; those with id-kp-OCSPSigning may
         * answer for any CA (RFC 6960 4.2.2.2, local configuration). Repeatable.
         */
        public Builder trusted(Collection<X509Certificate> certificates) {
            certificates.forEach(c -> trusted.add(Objects.requireNonNull(c)));
            return this;
        }

        /** Ask {@code url} about certificates whose issuer has this common name. Repeatable. */
        public Builder responder(String issuerCommonName, URI url) {
            responders.put(Objects.requireNonNull(issuerCommonName), ResponderUrls.checked(url));
            return this;
        }

        /**
         * Allow calling this URL when a certificate's AIA names it. Without an allow-listed
         * URL, the AIA is never followed. Repeatable.
         */
        public Builder allowAiaResponder(URI url) {
            allowedAia.add(ResponderUrls.checked(url));
            return this;
        }

        /** How long to wait for the TCP (and TLS) connection (default 5 s, at most 1 min). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connect timeout");
            return this;
        }

        /** How long to wait for the whole answer once the request is sent (default 10 s, at most 1 min). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "read timeout");
            return this;
        }

        /** The largest response body accepted, in bytes (default 64 KiB). */
        public Builder maxResponseSize(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the response size cap must be positive");
            }
            this.maxResponseSize = bytes;
            return this;
        }

        /** How many statuses to keep until their nextUpdate (default 1000; 0 keeps none). */
        public Builder cacheSize(int entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("the cache size cannot be negative");
            }
            this.cacheSize = entries;
            return this;
        }

        /** The window policy (default {@link OcspPolicy#STRICT}). */
        public Builder policy(OcspPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /** The clock for the current time (default system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The JCA provider instance (default: a Bouncy Castle instance of its own). */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider);
            return this;
        }

        /**
         * Accept answers that do not echo the nonce (responders serving pre-produced responses,
         * RFC 5019). A wrong nonce is still refused. Replayed answers are then only bounded by
         * the status age of the policy.
         */
        public Builder allowMissingNonce() {
            this.allowMissingNonce = true;
            return this;
        }

        public OcspClient build() {
            return new OcspClient(this);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException(what + " must be more than 0 and at most " + MAX_TIMEOUT);
            }
            return d;
        }
    }
}
