package ee.allkiri.asic.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Signer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the signer's certificate says of its subject: an Estonian personal code whose check
 * digit or date is wrong (EVS 585:2007; {@code PERSONAL_CODE_CHECKSUM}, a warning), and a
 * certificate from a TEST chain ({@code TEST_CERTIFICATE}, information).
 */
final class SignerIdentityRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        Signer signer = facts.identity();
        if (signer == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (signer.personalCode() != null && !signer.personalCodeValid()) {
            findings.add(Finding.of(FindingCode.PERSONAL_CODE_CHECKSUM, facts.file(),
                    "personal code " + signer.personalCode() + " fails the " + signer.country() + " check"));
        }
        if (signer.test()) {
            findings.add(Finding.of(FindingCode.TEST_CERTIFICATE, facts.file(),
                    "issued by " + signer.issuer() + ", a TEST certification authority"));
        }
        return findings;
    }
}
