package ee.allkiri.asic.internal.signature;

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
        return facts.identity() == null ? List.of() : check(facts.identity(), facts.file());
    }

    /** The rule on a signer's identity, for signatures of any format. */
    static List<Finding> check(Signer signer, String location) {
        List<Finding> findings = new ArrayList<>();
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
