package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import java.util.List;

/** ETSI EN 319 132-1 5.2.9: a signature that declares SignaturePolicyImplied is reported ({@code POLICY_IMPLIED}, a warning). */
final class PolicyImpliedRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        SignatureModel.Policy policy = facts.model().signed().policy();
        if (facts.profile() != Profile.LT_TM && policy != null && policy.implied()) {
            return List.of(Finding.of(FindingCode.POLICY_IMPLIED, facts.file(), "SignaturePolicyImplied"));
        }
        return List.of();
    }
}
