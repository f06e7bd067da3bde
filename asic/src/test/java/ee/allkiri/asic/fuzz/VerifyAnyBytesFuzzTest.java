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
 * shared fixture: {@code verify} always returns a report (no exception, no error) and finishes
 * within the time budget.
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
    }

    @FuzzTest(maxDuration = "2m")
    void verifiesAnyBytes(byte[] container) {
        ContainerReport report = Hostile.fast().verify(container, "fuzzed.asice");

        assertThat(report.has(FindingCode.LIMIT_TIME)).as("over the time budget").isFalse();
    }
}
