package ee.allkiri.asic.forge;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.testkit.bundle.AnswerKeyCheck;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.BundleTerms;
import ee.allkiri.testkit.bundle.PlantedDefect;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The audit of a forged bundle counts exactly whom the forge's answer key counts, and excludes the rest for its reasons. */
class BundleAuditTest {

    @Test
    @DisplayName("on a bundle with every kind of planted defect, the counted set and each exclusion equal the answer key")
    void auditMatchesTheAnswerKey(@TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(150, 23).withDefectRate(0.04);
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("bundle.asice"), Forged.KEYS);
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.RANDOM);

        AuditReport audit = Audit.of(List.of(verify(spec, bundle)), policy(bundle)
                .withWindow(spec.windowFrom(), spec.windowUntil())
                .withMinimumAge(spec.minAge()));

        assertMatches(audit, bundle);
    }

    /**
     * The counting probes: document numbers (IDCEE-, an IDCEE- look-alike of a personal code, the
     * PASEE- Smart-ID of an ID-card signer), a pre-2018 e-resident digi-ID, a Latvian personal
     * number without a birth date, and signatures on both sides of each edge of the window's days,
     * audited with a window of days; also with the last or the first day on a day the clocks change.
     */
    @ParameterizedTest(name = "epoch {0}: window {1}")
    @CsvSource({
            "2025-06-02T09:00:00Z, 2025-04-03 to 2025-07-02",
            "2025-09-26T09:00:00Z, 2025-07-28 to 2025-10-26 (25 hours: the clocks go back)",
            "2026-05-28T09:00:00Z, 2026-03-29 (23 hours: the clocks go forward) to 2026-06-27"})
    @DisplayName("with the counting probes and a window of days, the audit equals the answer key")
    void probesMatchTheAnswerKey(Instant epoch, String window, @TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(60, 29).withDefectRate(0.03).withEpoch(epoch).withProbes();
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("probes.asice"), Forged.KEYS);
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.PROBES);

        ContainerReport report = verify(spec, bundle);
        assertThat(AnswerKeyCheck.mismatches(bundle.rows(), report, BundleTerms.of(spec))).isEmpty();
        AuditReport audit = Audit.of(List.of(report), policy(bundle).withDays(spec.firstDay(), spec.lastDay()));

        assertThat(audit.policy().from()).isEqualTo(spec.windowFrom());
        assertThat(audit.policy().until()).isEqualTo(spec.windowUntil());
        assertMatches(audit, bundle);
        AuditedSignature passport = audit.signatures().stream()
                .filter(s -> s.signature().signer() != null && "PAS".equals(s.signature().signer().identifierType())).findFirst().orElseThrow();
        assertThat(passport.exclusions()).containsExactly(Exclusion.NOT_A_PERSONAL_NUMBER);
        assertThat(audit.signatures()).as("the same person's ID-card signature counts")
                .filteredOn(s -> s.signature().signer() != null && s.signature().signer().tokenType() == ee.allkiri.core.TokenType.ID_CARD
                        && s.signature().signer().givenName().equals(passport.signature().signer().givenName())
                        && s.signature().signer().surname().equals(passport.signature().signer().surname()))
                .anySatisfy(s -> assertThat(s.counted()).isTrue());
    }

    private static ContainerReport verify(BundleSpec spec, BundleForge.Result bundle) throws Exception {
        Verifier verifier = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(spec.windowUntil().plus(Duration.ofDays(30))).build();
        return verifier.verify(bundle.container());
    }

    private static AuditPolicy policy(BundleForge.Result bundle) {
        return AuditPolicy.forDocument(HexFormat.of().formatHex(bundle.document().sha256()));
    }

    private static void assertMatches(AuditReport audit, BundleForge.Result bundle) {
        Map<String, AuditedSignature> byFile = audit.signatures().stream()
                .collect(Collectors.toMap(s -> s.signature().file(), Function.identity()));
        assertThat(byFile).hasSameSizeAs(bundle.rows());
        for (AnswerKeyRow row : bundle.rows()) {
            AuditedSignature audited = byFile.get(row.file());
            assertThat(audited.exclusions()).as(row.file() + " " + row.defect() + " " + row.serialNumber())
                    .isEqualTo(row.exclusions());
        }
        long counted = bundle.rows().stream().filter(AnswerKeyRow::counted).count();
        assertThat(audit.summary().counted()).isEqualTo((int) counted);
        assertThat(audit.summary().complete()).isTrue();
    }
}
