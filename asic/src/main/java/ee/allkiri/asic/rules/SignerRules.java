package ee.allkiri.asic.rules;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Signer;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Rules on the signer's certificate and identity: the nonRepudiation key usage that marks a
 * signing (not authentication) key (BDOC 2.1 5.2, ETSI EN 319 412-2 4.3.2), the Estonian
 * personal code check digit, and TEST chains.
 */
public final class SignerRules {

    private static final int NON_REPUDIATION = 1;

    private SignerRules() {
    }

    public static List<Finding> check(X509Certificate certificate, Signer signer, String location) {
        List<Finding> findings = new ArrayList<>();
        boolean[] usage = certificate.getKeyUsage();
        if (usage == null || usage.length <= NON_REPUDIATION || !usage[NON_REPUDIATION]) {
            findings.add(Finding.of(FindingCode.KEY_USAGE_NON_REPUDIATION, location,
                    "the signer's certificate is not a signing certificate (no nonRepudiation key usage)"));
        }
        if (signer.personalCode() != null && !signer.personalCodeValid()) {
            findings.add(Finding.of(FindingCode.PERSONAL_CODE_CHECKSUM, location,
                    "personal code " + signer.personalCode() + " fails the " + signer.country() + " check"));
        }
        if (signer.test()) {
            findings.add(Finding.of(FindingCode.TEST_CERTIFICATE, location,
                    "issued by " + signer.issuer() + ", a TEST certification authority"));
        }
        return findings;
    }
}
