package ee.allkiri.asic;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The validation policy a verifier applies, as one named, versioned value: the dates after
 * which algorithms are no longer accepted, the certificate extensions a signer's certificate
 * may mark critical, the responders allowed to issue BDOC time-marks, and the tolerances of
 * the time rules. Both engines read it: DSS's validation policy is built from it, and every
 * gate of the fast path comes from it, so the two cannot drift apart. A published version never
 * changes meaning; new behaviour is a new version. Immutable.
 *
 * @param name                        the policy's name and version, recorded in reports
 * @param sha1SignatureUntil          the signer's own SHA-1 (signature value, reference digests) is
 *                                    accepted for signatures proven to exist before this instant
 *                                    (chosen-prefix collisions on SHA-1 became practical in 2020)
 * @param sha1EvidenceUntil           OCSP responses and time-stamps signed with SHA-1, or time-stamps
 *                                    whose imprint is SHA-1, produced after this instant are not reliable
 * @param rsaUntil                    RSA keys of every size expire on this date in DSS's default
 *                                    cryptographic constraints
 * @param supportedCriticalExtensions the extensions a signer's certificate may mark critical
 *                                    (RFC 5280 4.2: any other critical extension means reject)
 * @param timeMarkResponders          common names of the OCSP responders allowed to issue BDOC time-marks
 * @param signingTimeTolerance        how much later than its proof a claimed SigningTime may be
 *                                    before {@code SIGNING_TIME_AFTER_PROOF}
 * @since 0.1.0
 */
public record VerificationPolicy(String name, Instant sha1SignatureUntil, Instant sha1EvidenceUntil, Instant rsaUntil,
                                 Set<String> supportedCriticalExtensions, Set<String> timeMarkResponders,
                                 Duration signingTimeTolerance) {

    /** OCSP responders SK ID Solutions used for BDOC time-marks (production and test). */
    public static final Set<String> SK_TIME_MARK_RESPONDERS = Set.of(
            "SK OCSP RESPONDER 2011", "ESTEID-SK 2007 OCSP RESPONDER 2010", "ESTEID-SK 2007 OCSP RESPONDER",
            "ESTEID-SK OCSP RESPONDER 2005", "ESTEID-SK OCSP RESPONDER", "EID-SK 2007 OCSP RESPONDER 2010",
            "EID-SK 2007 OCSP RESPONDER", "EID-SK OCSP RESPONDER", "KLASS3-SK 2010 OCSP RESPONDER",
            "KLASS3-SK OCSP RESPONDER 2009", "KLASS3-SK OCSP RESPONDER",
            "TEST of SK OCSP RESPONDER 2011", "TEST of SK OCSP RESPONDER 2020", "TEST of EID-SK 2016 OCSP RESPONDER 2018",
            "TEST-SK OCSP RESPONDER 2005", "TEST-SK OCSP RESPONDER");

    /**
     * The extensions RFC 5280 and ETSI EN 319 412 define for end-entity certificates that
     * allkiri (and DSS) process: key usage, certificate policies, subject alternative name,
     * basic constraints, name constraints, policy constraints, extended key usage, CRL
     * distribution points, inhibit any-policy, QC statements.
     */
    public static final Set<String> PROCESSED_EXTENSIONS = Set.of("2.5.29.15", "2.5.29.32", "2.5.29.17", "2.5.29.19",
            "2.5.29.30", "2.5.29.36", "2.5.29.37", "2.5.29.31", "2.5.29.54", "1.3.6.1.5.5.7.1.3");

    /** The Estonian policy, first version: what this release of allkiri applies by default. */
    public static final VerificationPolicy EE_V1 = new VerificationPolicy("allkiri-ee/1",
            Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2020-01-01T00:00:00Z"),
            Instant.parse("2029-01-01T00:00:00Z"), PROCESSED_EXTENSIONS, SK_TIME_MARK_RESPONDERS, Duration.ofMinutes(1));

    public VerificationPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha1SignatureUntil, "sha1SignatureUntil");
        Objects.requireNonNull(sha1EvidenceUntil, "sha1EvidenceUntil");
        Objects.requireNonNull(rsaUntil, "rsaUntil");
        supportedCriticalExtensions = Set.copyOf(supportedCriticalExtensions);
        timeMarkResponders = Set.copyOf(timeMarkResponders);
        if (signingTimeTolerance.isNegative()) {
            throw new IllegalArgumentException("signingTimeTolerance must not be negative");
        }
    }

    /** This policy with other time-mark responders (a named relaxation or restriction of the default). */
    public VerificationPolicy withTimeMarkResponders(Set<String> commonNames) {
        return new VerificationPolicy(name + " with custom time-mark responders", sha1SignatureUntil, sha1EvidenceUntil, rsaUntil, supportedCriticalExtensions,
                commonNames, signingTimeTolerance);
    }
}
