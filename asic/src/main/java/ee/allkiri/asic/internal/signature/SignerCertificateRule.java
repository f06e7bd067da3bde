package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The signer's certificate must be a signing certificate of an end entity:
 * <ul>
 *   <li>the nonRepudiation (contentCommitment) key usage that marks a signing, not an
 *       authentication, key (BDOC 2.1 5.2, ETSI EN 319 412-2 4.3.2; {@code KEY_USAGE_NON_REPUDIATION});</li>
 *   <li>no critical extension the verifier does not process (RFC 5280 4.2;
 *       {@code SIGNER_CERTIFICATE_CRITICAL_EXTENSION});</li>
 *   <li>not a CA certificate (RFC 5280 4.2.1.9; {@code SIGNER_CERTIFICATE_CA});</li>
 *   <li>no extended key usage that excludes signing documents: when the extension is present it
 *       must allow any usage, e-mail protection or document signing, and must not make the key a
 *       time-stamping unit's or an OCSP responder's (RFC 5280 4.2.1.12;
 *       {@code SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE}).</li>
 * </ul>
 */
final class SignerCertificateRule implements SignatureRule {

    private static final int NON_REPUDIATION = 1;
    /** anyExtendedKeyUsage, emailProtection, id-kp-documentSigning (RFC 9336), Microsoft and Adobe document signing. */
    private static final Set<String> SIGNING_PURPOSES = Set.of("2.5.29.37.0", "1.3.6.1.5.5.7.3.4", "1.3.6.1.5.5.7.3.36",
            "1.3.6.1.4.1.311.10.3.12", "1.2.840.113583.1.1.5");
    /** id-kp-timeStamping and id-kp-OCSPSigning: the key belongs to a trust service, not a person. */
    private static final Set<String> SERVICE_PURPOSES = Set.of("1.3.6.1.5.5.7.3.8", "1.3.6.1.5.5.7.3.9");

    @Override
    public List<Finding> check(SignatureFacts facts) {
        X509Certificate certificate = facts.signer();
        return certificate == null ? List.of() : check(certificate, facts.policy().supportedCriticalExtensions(), facts.file());
    }

    /** The rule on a signer's certificate, for signatures of any format. */
    static List<Finding> check(X509Certificate certificate, Set<String> supportedCriticalExtensions, String location) {
        List<Finding> findings = new ArrayList<>();
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || usage.length <= NON_REPUDIATION || !usage[NON_REPUDIATION]) {
            findings.add(Finding.of(FindingCode.KEY_USAGE_NON_REPUDIATION, location,
                    "the signer's certificate is not a signing certificate (no nonRepudiation key usage)"));
        }
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        if (critical != null) {
            for (String oid : critical) {
                if (!supportedCriticalExtensions.contains(oid)) {
                    findings.add(Finding.of(FindingCode.SIGNER_CERTIFICATE_CRITICAL_EXTENSION, location,
                            "the signer's certificate has the critical extension " + oid + ", which allkiri does not process"));
                }
            }
        }
        if (certificate.getBasicConstraints() >= 0) {
            findings.add(Finding.of(FindingCode.SIGNER_CERTIFICATE_CA, location,
                    "the signer's certificate is a CA certificate (basicConstraints cA=true)"));
        }
        extendedKeyUsage(certificate, location).ifPresent(findings::add);
        return findings;
    }

    private static java.util.Optional<Finding> extendedKeyUsage(X509Certificate certificate, String location) {
        List<String> purposes;
        try {
            purposes = certificate.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            return java.util.Optional.of(Finding.of(FindingCode.SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE, location,
                    "the signer's certificate has an extended key usage that does not parse"));
        }
        if (purposes == null) {
            return java.util.Optional.empty();
        }
        boolean service = purposes.stream().anyMatch(SERVICE_PURPOSES::contains);
        boolean signing = purposes.stream().anyMatch(SIGNING_PURPOSES::contains);
        if (service || !signing) {
            return java.util.Optional.of(Finding.of(FindingCode.SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE, location,
                    "the signer's certificate's extended key usage " + purposes + " does not allow signing documents"));
        }
        return java.util.Optional.empty();
    }
}
