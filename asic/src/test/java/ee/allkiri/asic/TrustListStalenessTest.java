package ee.allkiri.asic;

import static ee.allkiri.trustlist.TestLists.GRANTED;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A trusted list past its next update at the validation time (ETSI TS 119 612 5.3.15) and the policy options. */
class TrustListStalenessTest {

    private static final Instant NEXT_UPDATE = Instant.parse("2024-12-01T00:00:00Z");
    private static final Instant AFTER = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant BEFORE = Instant.parse("2024-11-01T00:00:00Z");

    @TempDir
    Path dir;

    private ContainerReport verify(Instant at, UnaryOperator<Verifier.Builder> options) throws IOException {
        Verifier.Builder builder = Verifier.builder()
                .trust(GeneratedTrust.list(dir, GeneratedTrust.history(GRANTED, "2018-04-05T09:45:21Z"), NEXT_UPDATE))
                .validationTime(at);
        return options.apply(builder).build().verify(GeneratedTrust.CONTAINER);
    }

    private static Finding stale(ContainerReport report) {
        return report.findings().stream().filter(f -> f.code() == FindingCode.TRUST_LIST_STALE).findFirst().orElseThrow();
    }

    @Test
    void staleListIsAWarningNamingTheListByDefault() throws IOException {
        ContainerReport report = verify(AFTER, b -> b);

        assertThat(stale(report).severity()).isEqualTo(Severity.WARNING);
        assertThat(stale(report).location()).endsWith("EE.xml");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void rejectingStaleListsMakesItAnError() throws IOException {
        ContainerReport report = verify(AFTER, Verifier.Builder::rejectStaleTrustLists);

        assertThat(stale(report).severity()).isEqualTo(Severity.ERROR);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void acceptingStaleListsReportsNothing() throws IOException {
        ContainerReport report = verify(AFTER, Verifier.Builder::acceptStaleTrustLists);

        assertThat(report.has(FindingCode.TRUST_LIST_STALE)).isFalse();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void validationBeforeTheNextUpdateFindsTheListFresh() throws IOException {
        ContainerReport report = verify(BEFORE, Verifier.Builder::rejectStaleTrustLists);

        assertThat(report.has(FindingCode.TRUST_LIST_STALE)).isFalse();
        assertThat(report.valid()).isTrue();
    }
}
