package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.Indication;
import ee.allkiri.core.SubIndication;
import java.util.List;

/** Combines the engine's indication with the error findings: the worse one wins. */
record Verdict(Indication indication, SubIndication subIndication) {

    static Verdict of(Indication engineIndication, SubIndication engineSub, List<Finding> findings) {
        Indication indication = engineIndication;
        SubIndication sub = engineSub;
        for (Finding f : findings) {
            if (!f.isError()) {
                continue;
            }
            Indication implied = f.code().indication();
            if (indication == Indication.TOTAL_PASSED
                    || (indication == Indication.INDETERMINATE && implied == Indication.TOTAL_FAILED)) {
                indication = implied;
                sub = f.code().subIndication();
            }
        }
        return new Verdict(indication, indication == Indication.TOTAL_PASSED ? null : sub);
    }
}
