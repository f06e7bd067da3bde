package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import java.util.List;
import java.util.Set;

/**
 * A signature that names the BDOC 2.1 time-mark policy ({@value TimeMarkPolicyRule#POLICY_OID})
 * in its signed SignaturePolicyIdentifier must be a time-mark signature (BDOC 2.1 5.1): the
 * policy's long-term evidence is the time-mark OCSP response. One whose evidence is time-stamp
 * based (T, LT or LTA, e.g. a TM-policy signature "extended" with a time-stamp) is
 * {@code TM_POLICY_WITH_TIMESTAMP}, TOTAL_FAILED, as the Estonian validation service decides it
 * ("Invalid signature format for BDOC policy"). A B-level signature with the policy is left to
 * the long-term rule (PROFILE_NOT_LONG_TERM).
 */
final class TimeMarkPolicyEvidenceRule implements SignatureRule {

    private static final Set<Profile> TIMESTAMP_BASED = Set.of(Profile.T, Profile.LT, Profile.LTA);

    @Override
    public List<Finding> check(SignatureFacts facts) {
        SignatureModel.Policy policy = facts.model().signed().policy();
        String oid = policy == null ? null : policy.oid();
        if (!TimeMarkPolicyRule.POLICY_OID.equals(oid) || !TIMESTAMP_BASED.contains(facts.profile())) {
            return List.of();
        }
        return List.of(Finding.of(FindingCode.TM_POLICY_WITH_TIMESTAMP, facts.file(), "the signature names the BDOC "
                + "time-mark policy " + oid + " but its evidence is time-stamp based (" + facts.profile() + ")"));
    }
}
