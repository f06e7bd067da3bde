package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-container time budget: a verdict of its own past it, never a hang, never an exception. */
class TimeBudgetTest {

    private static Verifier withBudget(Duration budget) throws IOException {
        return Verifier.builder().trust(new PkiTrustSource(Hostile.PKI)).validationTime(Hostile.AT)
                .limits(ContainerLimits.DEFAULT.withTimeBudget(budget)).build();
    }

    @Test
    @DisplayName("a container that takes longer than the budget is TOTAL_FAILED with LIMIT_TIME and nothing else")
    void overBudgetIsLimitTime() throws IOException {
        ContainerReport report = withBudget(Duration.ofNanos(1)).verify(Hostile.FORGE.forge(Variant.VALID_MULTI_SIGNATURE),
                "seven-signatures.asice");

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.allFindings().map(Finding::code)).containsExactly(FindingCode.LIMIT_TIME);
        assertThat(report.signatures()).isEmpty();
    }

    @Test
    @DisplayName("the same container within the budget passes")
    void withinBudgetPasses() throws IOException {
        ContainerReport report = withBudget(Duration.ofMinutes(1)).verify(Hostile.FORGE.forge(Variant.VALID_MULTI_SIGNATURE),
                "seven-signatures.asice");

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    @DisplayName("a file over budget is LIMIT_TIME too; a missing file is still an IOException")
    void filesKeepTheirContract(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("c.asice"), Hostile.FORGE.forge(Variant.VALID_LT));
        Verifier hurried = withBudget(Duration.ofNanos(1));

        assertThat(hurried.verify(file).has(FindingCode.LIMIT_TIME)).isTrue();
        assertThatThrownBy(() -> withBudget(Duration.ofMinutes(1)).verify(dir.resolve("missing.asice")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    @DisplayName("the default budget is ten minutes plus 200 ms per signature; a zero or negative budget is refused")
    void budgetIsPositive() {
        assertThat(ContainerLimits.DEFAULT.timeBudget()).isEqualTo(Duration.ofMinutes(10));
        assertThat(ContainerLimits.DEFAULT.timeBudgetPerSignature()).isEqualTo(Duration.ofMillis(200));
        assertThatThrownBy(() -> ContainerLimits.DEFAULT.withTimeBudget(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainerLimits.DEFAULT.withTimeBudget(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContainerLimits.DEFAULT.withTimeBudget(Duration.ofSeconds(1), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
