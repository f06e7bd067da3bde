package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import java.util.List;

/**
 * BDOC 2.1 5.1: a time-mark (LT_TM) signature names the BDOC 2.1 policy in its signed
 * SignaturePolicyIdentifier, with an SPURI, and does not declare SignaturePolicyImplied
 * ({@code TM_POLICY_IDENTIFIER}, {@code TM_POLICY_SPURI_MISSING}, {@code TM_POLICY_IMPLIED}).
 * The time-mark's OCSP rules are the ocsp module's.
 */
final class TimeMarkPolicyRule implements SignatureRule {

    /** The BDOC 2.1 signature policy identifier. */
    static final String POLICY_OID = "1.3.6.1.4.1.10015.1000.3.2.1";

    @Override
    public List<Finding> check(SignatureFacts facts) {
        if (facts.profile() != Profile.LT_TM) {
            return List.of();
        }
        SignatureModel.Policy policy = facts.model().signed().policy();
        if (policy != null && policy.implied()) {
            return List.of(Finding.of(FindingCode.TM_POLICY_IMPLIED, facts.file(), "a time-mark signature must name its policy"));
        }
        if (policy == null || !POLICY_OID.equals(policy.oid())) {
            return List.of(Finding.of(FindingCode.TM_POLICY_IDENTIFIER, facts.file(),
                    "policy " + (policy == null ? "absent" : "'" + policy.identifier() + "'") + ", expected " + POLICY_OID));
        }
        if (policy.spuri() == null || policy.spuri().isBlank()) {
            return List.of(Finding.of(FindingCode.TM_POLICY_SPURI_MISSING, facts.file(), "the policy has no SPURI"));
        }
        return List.of();
    }
}
