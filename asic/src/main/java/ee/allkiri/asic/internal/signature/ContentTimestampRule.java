package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.util.List;

/**
 * ETSI EN 319 132-1 5.2.8, 5.2.9: a content time-stamp (AllDataObjectsTimeStamp,
 * IndividualDataObjectsTimeStamp) is a signed claim that the content existed at its time; one
 * whose imprint does not match the signed data, whose token is damaged, or whose authority is
 * not trusted is {@code CONTENT_TIMESTAMP_INVALID}, as is one the engine could not read.
 */
final class ContentTimestampRule implements SignatureRule {

    @Override
    public List<Finding> check(SignatureFacts facts) {
        int written = facts.model().signed().contentTimestamps().size();
        if (written == 0) {
            return List.of();
        }
        List<Judgement.Timestamp> judged = facts.judgement().contentTimestamps();
        long good = judged.stream().filter(Judgement.Timestamp::isGood).count();
        if (judged.size() < written || good < judged.size()) {
            return List.of(Finding.of(FindingCode.CONTENT_TIMESTAMP_INVALID, facts.file(), (written - good) + " of "
                    + written + " content time-stamp(s) do not verify, do not match the signed data or are not trusted"));
        }
        return List.of();
    }
}
