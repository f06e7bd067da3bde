package ee.allkiri.ocsp.internal;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.internal.SignerIdentity;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * BDOC 2.1 5.3, the time-mark: the response's nonce is the DigestInfo of the signature value's
 * digest ({@link TimeMarkNonce}), and the responder is one allowed to issue time-marks, with
 * its certificate carried in the response or the signature, since the time-mark is the
 * signature's only proof of time.
 */
final class TimeMarkRule {

    private TimeMarkRule() {
    }

    static List<Finding> check(OcspResponse response, byte[] signatureValue, List<X509Certificate> signatureCertificates,
                               Set<String> allowedResponders, String location) {
        List<Finding> findings = new ArrayList<>();
        switch (TimeMarkNonce.check(response, signatureValue)) {
            case MISSING -> findings.add(Finding.of(FindingCode.TM_OCSP_NONCE_MISSING, location, "the OCSP response has no nonce"));
            case MISMATCH -> findings.add(Finding.of(FindingCode.TM_OCSP_NONCE_MISMATCH, location,
                    "the OCSP nonce is not the digest of this signature value"));
            case MATCHES -> {
            }
        }
        X509Certificate responder = carried(response, signatureCertificates);
        if (responder == null) {
            findings.add(Finding.of(FindingCode.TM_RESPONDER_NOT_ALLOWED, location,
                    "the time-mark responder's certificate (" + response.responderDescription() + ") is not in the signature"));
        } else {
            String cn = SignerIdentity.of(responder).commonName();
            if (cn == null || !allowedResponders.contains(cn)) {
                findings.add(Finding.of(FindingCode.TM_RESPONDER_NOT_ALLOWED, location,
                        "responder '" + cn + "' is not allowed to issue time-marks"));
            }
        }
        return findings;
    }

    private static X509Certificate carried(OcspResponse response, List<X509Certificate> signatureCertificates) {
        for (X509Certificate c : response.certificates()) {
            if (response.responderIs(c)) {
                return c;
            }
        }
        for (X509Certificate c : signatureCertificates) {
            if (response.responderIs(c)) {
                return c;
            }
        }
        return null;
    }
}
