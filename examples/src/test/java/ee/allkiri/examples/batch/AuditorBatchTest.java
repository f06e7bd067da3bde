package ee.allkiri.examples.batch;

import static ee.allkiri.assertj.AllkiriAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's batch over a forged rahvaalgatus bundle with planted defects: its count is the answer key's. */
class AuditorBatchTest {

    @TempDir
    static Path dir;

    static BundleSpec spec;
    static BundleForge.Result bundle;
    static Path document;
    static Instant validationTime;

    @BeforeAll
    static void forge() throws Exception {
        spec = BundleSpec.of(40, 5).withDefectRate(0.04).withThreads(2);
        bundle = BundleForge.write(spec, dir.resolve("signatures.asice"));
        document = Files.write(dir.resolve("initiative.html"), bundle.document().content());
        validationTime = spec.windowUntil().plus(Duration.ofDays(30));
    }

    static long counted() {
        return bundle.rows().stream().filter(AnswerKeyRow::counted).count();
    }

    @Test
    void countsWhatTheAnswerKeyCountsAndWritesTheHtmlAndCsvReports() throws Exception {
        Verifier verifier = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(validationTime).build();
        AuditJob job = AuditJob.of(List.of(dir), document, dir.resolve("report"))
                .withWindow(spec.windowFrom(), spec.windowUntil());

        AuditReport audit = AuditorBatch.run(verifier, bundle.trust().toString(), validationTime, job, 2);

        assertThat(audit).hasCounted((int) counted());
        Map<Exclusion, Long> expected = bundle.rows().stream().filter(r -> r.exclusion() != null)
                .collect(Collectors.groupingBy(AnswerKeyRow::exclusion, Collectors.counting()));
        for (Exclusion reason : Exclusion.values()) {
            assertThat(audit).hasExclusionCount(reason, expected.getOrDefault(reason, 0L).intValue());
        }
        List<String> lines = Files.readAllLines(dir.resolve("report").resolve(AuditorBatch.CSV), StandardCharsets.UTF_8);
        List<String> csv = lines.stream().filter(l -> !l.replace("\uFEFF", "").startsWith("#")).toList();
        String provenance = String.join("\n", lines.stream().filter(l -> !csv.contains(l)).toList());
        assertThat(provenance).contains("# validationTime: " + validationTime, "# option.personalCodeMask: none",
                "# trust.1.anchors: ");
        String html = Files.readString(dir.resolve("report").resolve(AuditorBatch.HTML), StandardCharsets.UTF_8);
        AnswerKeyRow someone = bundle.rows().stream().filter(AnswerKeyRow::counted).findFirst().orElseThrow();
        assertThat(csv).hasSize(1 + bundle.rows().size());
        assertThat(String.join("\n", csv)).contains(someone.personalCode());
        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain(someone.personalCode())
                .contains("*******" + someone.personalCode().substring(7)).contains("id=\"provenance\"")
                .contains("<tr id=\"p-option-personalCodeMask\"><th scope=\"row\">personalCodeMask</th><td>serial</td></tr>");
    }

    @Test
    void theCommandLineExitsOneBelowTheThresholdAndTwoOnAUsageError() {
        String[] belowThreshold = {"--trust", bundle.trust().toString(), "--document", document.toString(),
                "--from", spec.windowFrom().toString(), "--until", spec.windowUntil().toString(),
                "--threshold", String.valueOf(counted() + 1), "--at", validationTime.toString(),
                "--out", dir.resolve("cli").toString(), bundle.container().toString()};

        assertThat(AuditorBatch.exitCode(belowThreshold)).isEqualTo(1);
        assertThat(dir.resolve("cli").resolve(AuditorBatch.HTML)).isRegularFile();
        assertThat(AuditorBatch.exitCode(new String[] {"--out", "x", "bundle.asice"})).isEqualTo(2);
        assertThat(AuditorBatch.exitCode(new String[] {"--help"})).isZero();
        assertThat(AuditorBatch.exitCode(new String[] {"--document", "d", "--out", "x", "--at", "yesterday", "b.asice"}))
                .isEqualTo(2);
    }

    @Test
    void aBundleThatRunsPastTheTimeBudgetIsAnIncompleteCountAndExitsTwoNeverZeroCounted() throws Exception {
        Verifier hurried = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(validationTime)
                .limits(ee.allkiri.asic.ContainerLimits.DEFAULT.withTimeBudget(Duration.ofNanos(1))).build();
        AuditJob job = AuditJob.of(List.of(bundle.container()), document, dir.resolve("hurried"))
                .withWindow(spec.windowFrom(), spec.windowUntil());

        AuditReport audit = AuditorBatch.run(hurried, bundle.trust().toString(), validationTime, job, 2);

        assertThat(audit.summary().complete()).isFalse();
        assertThat(audit.summary().incomplete()).containsExactly(bundle.container().toString());
        assertThat(AuditorBatch.exitCode(audit.summary())).isEqualTo(2);
    }
}
