package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * RFC 6960 3.2 (1), 4.1.1: the response is about the certificate. A SingleResponse's CertID
 * must carry the certificate's serial number and the hashes of its issuer's name and public
 * key. Without the issuer's certificate only the name hash can be compared.
 */
final class CertIdRule {

    private CertIdRule() {
    }

    /** The matching SingleResponse, if any. */
    static Optional<SingleStatus> find(OcspResponse response, X509Certificate certificate, X509Certificate issuer) {
        if (issuer != null) {
            return response.statusFor(certificate, issuer);
        }
        return response.responses().stream()
                .filter(s -> s.serialNumber().equals(certificate.getSerialNumber()))
                .filter(s -> OcspResponse.matchesIssuerName(s, certificate.getIssuerX500Principal()))
                .findFirst();
    }

    /** The finding for a response that has no SingleResponse about the certificate. */
    static Finding mismatch(OcspResponse response, X509Certificate certificate, String location) {
        String serial = certificate.getSerialNumber().toString(16);
        boolean sameSerial = response.statusForSerial(certificate.getSerialNumber()).isPresent();
        List<String> serials = response.responses().stream().map(s -> s.serialNumber().toString(16)).toList();
        String detail = sameSerial
                ? "the response's CertID has serial " + serial + " but another issuer's name or key hash"
                : "the response is about serial(s) " + serials + ", not " + serial;
        return Finding.of(FindingCode.OCSP_CERT_ID_MISMATCH, location, detail);
    }
}
