package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.ocsp.OcspPolicy;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies an OCSP response, embedded in a signature or fetched online, against the certificate
 * it must speak for. Each check is one rule with its own finding code:
 * <ol>
 *   <li>the response is about the certificate: CertID serial, issuer name and key hashes
 *       ({@code OCSP_CERT_ID_MISMATCH});</li>
 *   <li>the responder's certificate is known and was valid at producedAt
 *       ({@code OCSP_RESPONDER_UNTRUSTED}), the signature verifies with its key
 *       ({@code OCSP_SIGNATURE_INVALID}), and it may speak for the issuer, RFC 6960 4.2.2.2
 *       ({@code OCSP_RESPONDER_NOT_AUTHORIZED}, a warning {@code OCSP_RESPONDER_STATUS_UNCHECKED}
 *       for a delegated responder without id-pkix-ocsp-nocheck);</li>
 *   <li>the status was good at the signing time ({@code OCSP_STATUS_REVOKED},
 *       {@code OCSP_STATUS_UNKNOWN}, a warning {@code OCSP_REVOKED_AFTER_SIGNING});</li>
 *   <li>the times lie in the window of the {@link OcspPolicy} ({@code OCSP_OUT_OF_WINDOW}) and
 *       after the signature time-stamp ({@code OCSP_BEFORE_TIMESTAMP}), not long after it (a
 *       warning {@code OCSP_NOT_FRESH} past 15 minutes, an error
 *       {@code OCSP_TOO_LATE_AFTER_TIMESTAMP} past 24 hours);</li>
 *   <li>for a BDOC time-mark, the nonce binds the signature value and the responder may issue
 *       time-marks ({@code TM_OCSP_NONCE_MISSING}, {@code TM_OCSP_NONCE_MISMATCH},
 *       {@code TM_RESPONDER_NOT_ALLOWED}).</li>
 * </ol>
 *
 * <p>Defaults: {@link OcspPolicy#STRICT}, no trusted responders, no time-mark responders, and
 * a Bouncy Castle provider instance of its own (never registered with the JVM). Immutable and
 * thread-safe.
 */
public final class OcspVerifier {

    private final List<X509Certificate> trusted;
    private final Set<String> timeMarkResponders;
    private final OcspPolicy policy;
    private final Provider provider;
    private final IssuanceCache issuance;

    private OcspVerifier(Builder b) {
        this.trusted = List.copyOf(b.trusted);
        this.timeMarkResponders = Set.copyOf(b.timeMarkResponders);
        this.policy = b.policy;
        this.provider = b.provider != null ? b.provider : new BouncyCastleProvider();
        this.issuance = new IssuanceCache(provider);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The window policy. */
    public OcspPolicy policy() {
        return policy;
    }

    /** Runs every check on the response. */
    public OcspVerification verify(OcspResponse response, OcspCheck check) {
        X509Certificate issuer = check.issuer() != null ? check.issuer()
                : Certificates.issuerOf(check.certificate(), provider, check.certificates(), response.certificates(), trusted);
        List<Finding> findings = new ArrayList<>();
        Optional<SingleStatus> status = CertIdRule.find(response, check.certificate(), issuer);
        if (status.isEmpty()) {
            findings.add(CertIdRule.mismatch(response, check.certificate(), check.location()));
        }
        ResponderRule.Result responder = ResponderRule.check(response, issuer, check.certificates(), trusted, issuance,
                policy.clockSkew(), check.location());
        findings.addAll(responder.findings());
        Instant signingTime = check.isTimeMark() ? response.producedAt() : check.timestampTime();
        status.ifPresent(s -> findings.addAll(StatusRule.check(s, signingTime, check.location())));
        findings.addAll(WindowRule.check(response, status.orElse(null), check, policy));
        findings.addAll(FreshnessRule.check(response, check));
        if (check.isTimeMark()) {
            findings.addAll(TimeMarkRule.check(response, check.timeMarkValue(), check.certificates(), timeMarkResponders,
                    check.location()));
        }
        return new OcspVerification(status.orElse(null), responder.responder(), findings);
    }

    /**
     * The response about the certificate among several (a signature may carry responses about
     * other certificates too): the first whose CertID matches, else the first one, which then
     * fails {@code OCSP_CERT_ID_MISMATCH}. Empty only for an empty list.
     *
     * @param issuer the certificate's issuer, or null when unknown
     */
    public static Optional<OcspResponse> select(List<OcspResponse> responses, X509Certificate certificate,
                                                X509Certificate issuer) {
        for (OcspResponse r : responses) {
            if (CertIdRule.find(r, certificate, issuer).isPresent()) {
                return Optional.of(r);
            }
        }
        return responses.stream().findFirst();
    }

    /** Configures an {@link OcspVerifier}. Not thread-safe; the verifier it builds is. */
    public static final class Builder {
        private final List<X509Certificate> trusted = new ArrayList<>();
        private Set<String> timeMarkResponders = Set.of();
        private OcspPolicy policy = OcspPolicy.STRICT;
        private Provider provider;

        private Builder() {
        }

        /**
         * Certificates the verifier trusts: they are searched for issuers and responders, and
         * a certificate with id-kp-OCSPSigning and the subject and key of one of them may
         * answer for any CA (RFC 6960 4.2.2.2, local configuration). Repeatable.
         */
        public Builder trusted(Collection<X509Certificate> certificates) {
            certificates.forEach(c -> trusted.add(Objects.requireNonNull(c)));
            return this;
        }

        /** Common names of responders allowed to issue BDOC time-marks (default none). */
        public Builder timeMarkResponders(Set<String> commonNames) {
            this.timeMarkResponders = Set.copyOf(commonNames);
            return this;
        }

        /** The window policy (default {@link OcspPolicy#STRICT}). */
        public Builder policy(OcspPolicy policy) {
            this.policy = Objects.requireNonNull(policy);
            return this;
        }

        /** The JCA provider instance signatures are verified with (default: a Bouncy Castle instance of its own). */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider);
            return this;
        }

        public OcspVerifier build() {
            return new OcspVerifier(this);
        }
    }
}
