package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The time budget grows with the container's signatures once they are counted; a fixed budget does not. */
class TimeBudgetScalingTest {

    private static final ContainerReport DONE = new ContainerReport("c.asice", List.of(), List.of(), List.of());

    /** Says it has one signature, then works for 1.5 s. */
    private static final TimeBudget.Task ONE_SLOW_SIGNATURE = (deadline, signatures) -> {
        signatures.accept(1);
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DONE;
    };

    @Test
    @DisplayName("a container's budget is the base plus its signatures' share, so 1 s + 1 h for one signature outlasts 1.5 s of work")
    void theBudgetGrowsWhenTheSignaturesAreCounted() throws Exception {
        TimeBudget budget = new TimeBudget(ContainerLimits.DEFAULT.withTimeBudget(Duration.ofSeconds(1), Duration.ofHours(1)), 1, 0);

        assertThat(budget.run("c.asice", ONE_SLOW_SIGNATURE)).isSameAs(DONE);
    }

    @Test
    @DisplayName("a fixed budget of 1 s does not grow: the same 1.5 s of work is LIMIT_TIME")
    void aFixedBudgetDoesNotGrow() throws Exception {
        TimeBudget budget = new TimeBudget(ContainerLimits.DEFAULT.withTimeBudget(Duration.ofSeconds(1)), 1, 0);

        ContainerReport report = budget.run("c.asice", ONE_SLOW_SIGNATURE);

        assertThat(report.has(FindingCode.LIMIT_TIME)).isTrue();
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    @DisplayName("the default is 10 minutes plus 200 ms per signature: 43 min 20 s for a bundle of 10,000")
    void theDefaultScalesWithTheSignatures() {
        ContainerLimits limits = ContainerLimits.DEFAULT;

        assertThat(limits.timeBudgetFor(0)).isEqualTo(Duration.ofMinutes(10));
        assertThat(limits.timeBudgetFor(1)).isEqualTo(Duration.ofMinutes(10).plusMillis(200));
        assertThat(limits.timeBudgetFor(10_000)).isEqualTo(Duration.ofMinutes(43).plusSeconds(20));
        assertThat(limits.timeBudgetFor(100_000)).isEqualTo(Duration.ofHours(5).plusMinutes(43).plusSeconds(20));
        assertThat(limits.withTimeBudget(Duration.ofSeconds(30)).timeBudgetFor(100_000)).isEqualTo(Duration.ofSeconds(30));
        assertThat(limits.withTimeBudget(Duration.ofSeconds(1), Duration.ofDays(365 * 1000)).timeBudgetFor(Integer.MAX_VALUE))
                .as("no overflow").isPositive();
    }
}
