package ee.allkiri.asic.forge;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.bundle.AnswerKeyCheck;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.BundleTerms;
import ee.allkiri.testkit.bundle.PlantedDefect;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** allkiri's verdicts on a forged rahvaalgatus-style bundle agree with the forge's answer key. */
class BundleAnswerKeyTest {

    @Test
    @DisplayName("on a 200-signature bundle with every kind of planted defect, each verdict matches the answer key")
    void verdictsMatchAnswerKey(@TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(200, 11).withDefectRate(0.03);
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("bundle.asice"), Forged.KEYS);
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.RANDOM);

        Verifier verifier = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(spec.windowUntil().plus(Duration.ofDays(30))).build();
        ContainerReport report = verifier.verify(bundle.container());

        assertThat(AnswerKeyCheck.mismatches(bundle.rows(), report, BundleTerms.of(spec))).isEmpty();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    @DisplayName("with the counting probes, on both paths, each verdict, identifier and time-stamp matches the answer key")
    void probesMatchAnswerKeyOnBothPaths(@TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(30, 13).withDefectRate(0.03).withProbes();
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("probes.asice"), Forged.KEYS);
        assertThat(bundle.rows()).extracting(AnswerKeyRow::defect).containsAll(PlantedDefect.PROBES);

        for (boolean full : new boolean[] {false, true}) {
            Verifier.Builder b = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                    .validationTime(spec.windowUntil().plus(Duration.ofDays(30)));
            if (full) {
                b.fullValidationOnly();
            }
            ContainerReport report = b.build().verify(bundle.container());

            assertThat(AnswerKeyCheck.mismatches(bundle.rows(), report, BundleTerms.of(spec))).as("full " + full).isEmpty();
            assertThat(report.findings()).isEmpty();
        }
    }
}
