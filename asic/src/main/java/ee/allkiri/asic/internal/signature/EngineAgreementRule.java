package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.List;

/**
 * ETSI EN 319 132-1 5.2.2: the certificate the engine judged (chain, revocation, qualification)
 * must be the one whose key verified the signature value and that the signed SigningCertificate
 * names; when the engine identified another, its judgement is about the wrong certificate
 * ({@code SIGNING_CERTIFICATE_DIGEST_MISMATCH}).
 */
final class EngineAgreementRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        var judged = facts.judgement().signingCertificate();
        if (judged != null && facts.signer() != null && !judged.equals(facts.signer())) {
            return List.of(Finding.of(FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH, facts.file(),
                    "the validation engine judged another certificate (" + judged.getSubjectX500Principal()
                            + ") than the one that signed"));
        }
        return List.of();
    }
}
