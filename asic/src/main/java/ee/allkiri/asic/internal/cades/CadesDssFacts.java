package ee.allkiri.asic.internal.cades;

import ee.allkiri.core.Profile;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.validation.reports.Reports;
import java.time.Instant;

/**
 * What DSS found of a CAdES signature beyond its verdict: how many signatures, the first one's
 * id, its baseline level (ETSI EN 319 122-1 6: B, T, LT, LTA) and its claimed signing time.
 *
 * @param count              the signatures DSS found in the file
 * @param id                 the first one's DSS id, or null
 * @param profile            its level; B for anything below T, UNKNOWN when none was found
 * @param claimedSigningTime its signing-time attribute, or null
 */
public record CadesDssFacts(int count, String id, Profile profile, Instant claimedSigningTime) {

    public static CadesDssFacts of(Reports reports) {
        var ids = reports.getSimpleReport().getSignatureIdList();
        if (ids.isEmpty()) {
            return new CadesDssFacts(0, null, Profile.UNKNOWN, null);
        }
        SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(ids.get(0));
        Instant claimed = signature.getClaimedSigningTime() == null ? null : signature.getClaimedSigningTime().toInstant();
        return new CadesDssFacts(ids.size(), ids.get(0), profile(signature.getSignatureFormat()), claimed);
    }

    static Profile profile(SignatureLevel level) {
        if (level == null) {
            return Profile.UNKNOWN;
        }
        return switch (level) {
            case CAdES_BASELINE_LTA, CAdES_A -> Profile.LTA;
            case CAdES_BASELINE_LT, CAdES_LT, CAdES_XL -> Profile.LT;
            case CAdES_BASELINE_T, CAdES_T, CAdES_C, CAdES_X -> Profile.T;
            default -> Profile.B;
        };
    }
}
