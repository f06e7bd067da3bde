package ee.allkiri.asic.rules;

import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.ArrayList;
import java.util.List;

/**
 * BDOC 2.1 5.1 policy rules of a time-mark (LT_TM) signature: it names the BDOC 2.1 policy,
 * with an SPURI, and does not declare SignaturePolicyImplied. The time-mark's OCSP rules (the
 * nonce binding the signature value, the allowed responders) are the {@code ocsp} module's
 * ({@code ee.allkiri.ocsp.OcspVerifier}).
 */
public final class TimeMarkRules {

    /** The BDOC 2.1 signature policy identifier. */
    public static final String POLICY_OID = "1.3.6.1.4.1.10015.1000.3.2.1";

    private TimeMarkRules() {
    }

    public static List<Finding> check(SignatureXml xml, String location) {
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
        return findings;
    }
}
