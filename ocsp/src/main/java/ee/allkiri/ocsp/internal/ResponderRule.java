package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.ocsp.internal.OcspVerification.Authority;
import ee.allkiri.ocsp.internal.OcspVerification.Origin;
import ee.allkiri.ocsp.internal.OcspVerification.Responder;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 6960 4.2.2.2 and 3.2 (2, 3): who signed the response, whether the signature verifies,
 * and whether the signer may speak for the certificate's issuer. Accepted signers: the issuing
 * CA itself; a certificate that CA issued with id-kp-OCSPSigning (delegated; its
 * id-pkix-ocsp-nocheck is honoured here and only here); or a certificate with
 * id-kp-OCSPSigning whose subject and key the verifier trusts directly (RFC 6960's "local
 * configuration", e.g. SK's responders, which the root CA certified; trust is in the name and
 * key, so a re-issued certificate for the same key is the same responder). The responder's
 * certificate must have been valid at producedAt.
 */
final class ResponderRule {

    /** The responder, when one was identified, and the findings. */
    record Result(Responder responder, List<Finding> findings) {
    }

    private ResponderRule() {
    }

    static Result check(OcspResponse response, X509Certificate issuer, List<X509Certificate> signatureCertificates,
                        List<X509Certificate> trusted, IssuanceCache issuance, Duration skew, String location) {
        Provider provider = issuance.provider();
        List<Candidate> named = candidates(response, issuer, signatureCertificates, trusted);
        List<Finding> findings = new ArrayList<>();
        if (named.isEmpty()) {
            findings.add(Finding.of(FindingCode.OCSP_RESPONDER_UNTRUSTED, location,
                    "the certificate of responder " + response.responderDescription() + " is neither in the response,"
                            + " nor in the signature, nor trusted"));
            return new Result(null, findings);
        }
        Candidate signer = named.stream().filter(c -> response.isSignedBy(issuance.key(c.certificate()), provider))
                .findFirst().orElse(null);
        if (signer == null) {
            findings.add(Finding.of(FindingCode.OCSP_SIGNATURE_INVALID, location,
                    "the response's signature does not verify with the key of " + response.responderDescription()));
            return new Result(null, findings);
        }
        X509Certificate certificate = signer.certificate();
        Authority authority = authority(certificate, issuer, trusted, issuance);
        Responder responder = new Responder(certificate, authority, signer.origin());
        String name = certificate.getSubjectX500Principal().getName();
        if (authority == null) {
            findings.add(Finding.of(FindingCode.OCSP_RESPONDER_NOT_AUTHORIZED, location, "responder '" + name + "' is"
                    + " not the issuer " + (issuer == null ? "(unknown)" : "'" + issuer.getSubjectX500Principal().getName() + "'")
                    + ", not delegated by it with id-kp-OCSPSigning, and not a trusted responder"));
        } else if (!Certificates.validAt(certificate, response.producedAt(), skew)) {
            findings.add(Finding.of(FindingCode.OCSP_RESPONDER_UNTRUSTED, location, "responder '" + name
                    + "' was not valid at producedAt " + response.producedAt() + " (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")"));
        } else if (authority == Authority.DELEGATED && !Certificates.hasExtension(certificate, Certificates.OCSP_NO_CHECK)) {
            findings.add(Finding.of(FindingCode.OCSP_RESPONDER_STATUS_UNCHECKED, location,
                    "delegated responder '" + name + "' has no id-pkix-ocsp-nocheck"));
        }
        return new Result(responder, findings);
    }

    private static Authority authority(X509Certificate responder, X509Certificate issuer, List<X509Certificate> trusted,
                                       IssuanceCache issuance) {
        boolean ocspSigning = Certificates.hasExtendedKeyUsage(responder, Certificates.OCSP_SIGNING);
        if (issuer != null && Certificates.sameEntity(responder, issuer)) {
            return Authority.ISSUER;
        }
        if (issuer != null && ocspSigning && issuance.issued(issuer, responder)) {
            return Authority.DELEGATED;
        }
        if (ocspSigning && trusted.stream().anyMatch(t -> Certificates.sameEntity(t, responder))) {
            return Authority.TRUSTED;
        }
        return null;
    }

    private record Candidate(X509Certificate certificate, Origin origin) {
    }

    /** Every known certificate the ResponderID designates, the response's own first. */
    private static List<Candidate> candidates(OcspResponse response, X509Certificate issuer,
                                              List<X509Certificate> signatureCertificates, List<X509Certificate> trusted) {
        List<Candidate> out = new ArrayList<>();
        add(out, response.certificates(), Origin.RESPONSE, response);
        add(out, signatureCertificates, Origin.SIGNATURE, response);
        add(out, trusted, Origin.TRUST, response);
        if (issuer != null) {
            add(out, List.of(issuer), Origin.TRUST, response);
        }
        return out;
    }

    private static void add(List<Candidate> out, List<X509Certificate> pool, Origin origin, OcspResponse response) {
        for (X509Certificate c : pool) {
            boolean known = out.stream().anyMatch(o -> Certificates.sameCertificate(o.certificate(), c));
            if (!known && response.responderIs(c)) {
                out.add(new Candidate(c, origin));
            }
        }
    }
}
