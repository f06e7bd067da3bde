package ee.allkiri.asic.rules;

import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.ocsp.OcspResponse;
import ee.allkiri.ocsp.TimeMarkNonce;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * BDOC 2.1 time-mark (LT_TM) rules: the signature names the BDOC 2.1 policy with an SPURI,
 * the OCSP response's nonce binds the signature value, and the responder is one allowed to
 * issue time-marks; its certificate must travel in the signature or in the response, since
 * the time-mark is the signature's only proof of time.
 */
public final class TimeMarkRules {

    /** The BDOC 2.1 signature policy identifier. */
    public static final String POLICY_OID = "1.3.6.1.4.1.10015.1000.3.2.1";

    private TimeMarkRules() {
    }

    /**
     * @param xml                the signature's facts
     * @param ocsp               the OCSP response for the signer's certificate, or null if none parsed
     * @param embedded           certificates carried by the signature
     * @param allowedResponders  common names of responders allowed to issue time-marks
     */
    public static List<Finding> check(SignatureXml xml, OcspResponse ocsp, List<X509Certificate> embedded,
                                      Set<String> allowedResponders, String location) {
        List<Finding> findings = new ArrayList<>();
        SignatureXml.Policy policy = xml.policy();
        if (policy != null && policy.implied()) {
            findings.add(Finding.of(FindingCode.TM_POLICY_IMPLIED, location, "a time-mark signature must name its policy"));
        } else if (policy == null || !POLICY_OID.equals(policy.oid())) {
            findings.add(Finding.of(FindingCode.TM_POLICY_IDENTIFIER, location,
                    "policy " + (policy == null ? "absent" : "'" + policy.identifier() + "'") + ", expected " + POLICY_OID));
        } else if (policy.spuri() == null || policy.spuri().isBlank()) {
            findings.add(Finding.of(FindingCode.TM_POLICY_SPURI_MISSING, location, "the policy has no SPURI"));
        }
        if (ocsp == null || xml.signatureValue() == null) {
            return findings;
        }
        switch (TimeMarkNonce.check(ocsp, xml.signatureValue())) {
            case MISSING -> findings.add(Finding.of(FindingCode.TM_OCSP_NONCE_MISSING, location, "the OCSP response has no nonce"));
            case MISMATCH -> findings.add(Finding.of(FindingCode.TM_OCSP_NONCE_MISMATCH, location,
                    "the OCSP nonce is not the digest of this signature value"));
            case MATCHES -> {
            }
        }
        X509Certificate responder = responderCertificate(ocsp, embedded);
        if (responder == null) {
            findings.add(Finding.of(FindingCode.TM_RESPONDER_NOT_ALLOWED, location,
                    "the time-mark responder's certificate (" + ocsp.responderDescription() + ") is not in the signature"));
        } else {
            String cn = ee.allkiri.core.SignerIdentity.of(responder).commonName();
            if (cn == null || !allowedResponders.contains(cn)) {
                findings.add(Finding.of(FindingCode.TM_RESPONDER_NOT_ALLOWED, location,
                        "responder '" + cn + "' is not allowed to issue time-marks"));
            }
        }
        return findings;
    }

    private static X509Certificate responderCertificate(OcspResponse ocsp, List<X509Certificate> embedded) {
        for (X509Certificate c : ocsp.certificates()) {
            if (ocsp.responderIs(c)) {
                return c;
            }
        }
        for (X509Certificate c : embedded) {
            if (ocsp.responderIs(c)) {
                return c;
            }
        }
        return null;
    }
}
