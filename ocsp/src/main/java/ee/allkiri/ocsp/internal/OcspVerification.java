package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the checks of {@link OcspVerifier} found about one OCSP response. Immutable.
 *
 * @param status    the SingleResponse about the certificate, or null when none matched its CertID
 * @param responder the responder whose key verified the response, or null when none did
 * @param findings  one finding per failed check, in the order checked
 */
public record OcspVerification(SingleStatus status, Responder responder, List<Finding> findings) {

    /** The codes that report what the response says, rather than a fault of the response. */
    private static final Set<FindingCode> STATUS_CODES =
            Set.of(FindingCode.OCSP_STATUS_REVOKED, FindingCode.OCSP_STATUS_UNKNOWN);

    /** Why a responder may speak for the certificate's issuer (RFC 6960 4.2.2.2). */
    public enum Authority {
        /** The issuing CA signed the response itself. */
        ISSUER,
        /** A certificate the issuing CA issued with id-kp-OCSPSigning. */
        DELEGATED,
        /** A certificate with id-kp-OCSPSigning whose subject and key are in the verifier's trust material. */
        TRUSTED
    }

    /** Where the responder's certificate was found. */
    public enum Origin {
        /** In the response's certs field. */
        RESPONSE,
        /** Among the certificates that came with it (the signature's). */
        SIGNATURE,
        /** Only in the verifier's trust material. */
        TRUST
    }

    /**
     * The responder that signed the response.
     *
     * @param certificate its certificate
     * @param authority   why it may sign for the issuer, or null when it may not
     * @param origin      where its certificate was found
     */
    public record Responder(X509Certificate certificate, Authority authority, Origin origin) {
        public Responder {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(origin, "origin");
        }
    }

    public OcspVerification {
        findings = List.copyOf(findings);
    }

    /**
     * True when the response speaks for the certificate: it is about it, signed by an
     * authorized responder, inside its time window, and (for a time-mark) bound to the
     * signature. What it says may still be revoked or unknown.
     */
    public boolean verified() {
        return status != null && fault().isEmpty();
    }

    /** True when the response is verified and says the certificate was good: no error at all. */
    public boolean passed() {
        return status != null && findings.stream().noneMatch(Finding::isError);
    }

    /** The first error that makes the response unusable: any error but what the status says. */
    public Optional<Finding> fault() {
        return findings.stream().filter(f -> f.isError() && !STATUS_CODES.contains(f.code())).findFirst();
    }
}
