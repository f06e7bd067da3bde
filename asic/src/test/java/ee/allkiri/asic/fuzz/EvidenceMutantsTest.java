package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The differential oracle over systematic mutants of the unsigned evidence of every valid
 * container of the mutant acceptance (time-stamp tokens, OCSP responses, certificates of
 * CertificateValues of each signature, each edited as DER): one bit flipped per mutant, the two
 * paths must agree ({@link PathAgreement}). Nothing signed changes, so a mutant may pass (a bit
 * in a certificate nobody uses); what may not happen is that the fast path passes what DSS does
 * not, or the reverse. The CI run flips one bit at a quarter, half and three quarters of each
 * value; {@code -Dallkiri.mutants=full} one bit in every 16th byte.
 */
class EvidenceMutantsTest {

    private static final List<Region> EVIDENCE = List.of(Region.TIMESTAMP_TOKEN, Region.OCSP_RESPONSE, Region.CERTIFICATE_VALUES);

    @Test
    void thePathsAgreeOnEveryMutantOfTheEvidence() {
        boolean full = "full".equals(System.getProperty("allkiri.mutants"));
        long tried = 0;
        long passedFast = 0;
        long passedFull = 0;
        List<String> disagreements = new ArrayList<>();
        for (Base base : MutantAcceptanceTest.bases()) {
            if (!passes(base)) {
                continue;
            }
            for (String file : base.signatureFiles()) {
                byte[] signature = base.entries().get(file);
                for (Region region : EVIDENCE) {
                    List<int[]> values = Evidence.ranges(signature, region);
                    for (int v = 0; v < values.size(); v++) {
                        byte[] der = Evidence.decode(signature, values.get(v));
                        if (der == null) {
                            continue;
                        }
                        for (int at : positions(der.length, full)) {
                            byte[] mutated = der.clone();
                            mutated[at] ^= (byte) (1 << (at % 8));
                            byte[] container = base.with(file, Evidence.replace(signature, values.get(v), mutated));
                            ContainerReport fast = base.fast().verify(container, base.name());
                            ContainerReport dss = base.full().verify(container, base.name());
                            tried++;
                            passedFast += fast.valid() ? 1 : 0;
                            passedFull += dss.valid() ? 1 : 0;
                            List<String> differ = PathAgreement.disagreements(fast, dss);
                            if (!differ.isEmpty() || fast.has(FindingCode.LIMIT_TIME) || dss.has(FindingCode.LIMIT_TIME)) {
                                disagreements.add(base + " " + file + " " + region + " #" + v + " byte " + at + " bit " + (at % 8)
                                        + ": " + differ);
                            }
                        }
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "evidence mutants (%s): %d tried, still valid: fast path %d, DSS only %d; "
                + "disagreements %d%n", full ? "full" : "CI", tried, passedFast, passedFull, disagreements.size());

        assertThat(disagreements).isEmpty();
        assertThat(tried).isPositive();
    }

    private static boolean passes(Base base) {
        byte[] rebuilt = base.with(Map.of());
        return base.fast().verify(rebuilt, base.name()).indication() == Indication.TOTAL_PASSED
                && base.full().verify(rebuilt, base.name()).indication() == Indication.TOTAL_PASSED;
    }

    private static Set<Integer> positions(int length, boolean full) {
        Set<Integer> out = new LinkedHashSet<>();
        if (full) {
            for (int i = 0; i < length; i += 16) {
                out.add(i);
            }
        } else {
            out.add(length / 4);
            out.add(length / 2);
            out.add(3 * length / 4);
        }
        return out;
    }
}
