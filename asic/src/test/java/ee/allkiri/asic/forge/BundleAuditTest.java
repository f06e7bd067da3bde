package ee.allkiri.asic.forge;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditedSignature;
import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.PlantedDefect;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit of a forged bundle counts exactly whom the forge's answer key counts, and excludes the rest for its reason. */
class BundleAuditTest {

    @Test
    @DisplayName("on a bundle with every kind of planted defect, the counted set and each exclusion equal the answer key")
    void auditMatchesTheAnswerKey(@TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(150, 23).withDefectRate(0.04);
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("bundle.asice"), Forged.KEYS);
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).contains(PlantedDefect.values());

        Verifier verifier = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(spec.windowUntil().plus(Duration.ofDays(30))).build();
        ContainerReport report = verifier.verify(bundle.container());
        AuditPolicy policy = AuditPolicy.forDocument(HexFormat.of().formatHex(bundle.document().sha256()))
                .withWindow(spec.windowFrom(), spec.windowUntil())
                .withMinimumAge(spec.minAge());
        AuditReport audit = Audit.of(List.of(report), policy);

        Map<String, AuditedSignature> byFile = audit.signatures().stream()
                .collect(Collectors.toMap(s -> s.signature().file(), Function.identity()));
        assertThat(byFile).hasSameSizeAs(bundle.rows());
        for (AnswerKeyRow row : bundle.rows()) {
            AuditedSignature audited = byFile.get(row.file());
            List<Exclusion> expected = row.exclusion() == null ? List.of() : List.of(row.exclusion());
            assertThat(audited.exclusions()).as(row.file() + " " + row.defect()).isEqualTo(expected);
        }
        long counted = bundle.rows().stream().filter(AnswerKeyRow::counted).count();
        assertThat(audit.summary().counted()).isEqualTo((int) counted);
    }
}
