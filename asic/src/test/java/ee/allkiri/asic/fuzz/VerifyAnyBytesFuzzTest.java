package ee.allkiri.asic.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ee.allkiri.asic.hostile.Hostile;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes whole verification with arbitrary bytes, seeded with every forged variant and every
 * shared fixture: each input is verified by the verifier with the fast path (primed with every
 * valid variant) and by the one that lets DSS judge every signature. Both always return a report
 * (no exception, no error) within the time budget, and the two agree ({@link PathAgreement}).
 */
class VerifyAnyBytesFuzzTest {

    @BeforeAll
    static void seeds() {
        Map<String, byte[]> seeds = new LinkedHashMap<>(Seeds.forged());
        // every fixture when fuzzing; a sample in regression mode, where FixtureVerdictsTest covers them all
        boolean fuzzing = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isEmpty();
        int[] index = {0};
        seeds.putAll(Seeds.fixtures(name -> fuzzing || index[0]++ % 8 == 0));
        SeedCorpus.write(VerifyAnyBytesFuzzTest.class, "verifiesAnyBytes", seeds);
        Hostile.fast();
        Hostile.full();
    }

    @FuzzTest(maxDuration = "2m")
    void verifiesAnyBytes(byte[] container) {
        ContainerReport fast = Hostile.fast().verify(container, "fuzzed.asice");
        ContainerReport full = Hostile.full().verify(container, "fuzzed.asice");

        assertThat(fast.has(FindingCode.LIMIT_TIME)).as("over the time budget with the fast path").isFalse();
        assertThat(full.has(FindingCode.LIMIT_TIME)).as("over the time budget with DSS only").isFalse();
        assertThat(PathAgreement.disagreements(fast, full)).as("fast path and DSS only disagree").isEmpty();
    }
}
