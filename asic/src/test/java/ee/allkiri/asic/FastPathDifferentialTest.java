package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast path passes only what DSS passes, with the same report: every fixture, verified
 * twice by a verifier with the fast path (the second time the fast path knows the signature's
 * qualification class) and once by one without it, gives equal reports.
 */
class FastPathDifferentialTest {

    /** Both verifiers judge at the same instant (DSS's best signature time of a failed signature is that instant). */
    private static final java.time.Instant AT = java.time.Instant.parse("2026-06-01T00:00:00Z");

    private static void compare(Verifier fast, Verifier full) throws IOException {
        for (Fixtures.Row row : Fixtures.manifest()) {
            ContainerReport expected = full.verify(Fixtures.container(row.name()));
            ContainerReport first = fast.verify(Fixtures.container(row.name()));
            ContainerReport second = fast.verify(Fixtures.container(row.name()));
            assertThat(first).as(row.name()).isEqualTo(expected);
            assertThat(second).as(row.name() + " (fast path primed)").isEqualTo(expected);
        }
    }

    @Test
    void withTheFixtureCertificatesTheFastPathAgreesWithDss() throws IOException {
        Verifier fast = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust())).validationTime(AT).build();
        Verifier full = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust())).validationTime(AT)
                .fullValidationOnly().build();
        compare(fast, full);
        assertThat(full.statistics().fastPath()).isZero();
        assertThat(fast.statistics().fastPath()).as("signatures that took the fast path").isGreaterThan(20);
    }

    @Test
    void withTrustedListsTheFastPathAgreesWithDss() throws IOException {
        List<ee.allkiri.core.spi.TrustSource> lists = List.of(TrustSpecs.parse(EmbeddedSnapshots.EE_TEST, List.of()),
                TrustSpecs.parse(EmbeddedSnapshots.EE_PROD, List.of()));
        Verifier fast = Verifier.builder().trust(lists).validationTime(AT).acceptStaleTrustLists().build();
        Verifier full = Verifier.builder().trust(lists).validationTime(AT).acceptStaleTrustLists().fullValidationOnly().build();
        compare(fast, full);
        assertThat(fast.statistics().fastPath()).as("signatures that took the fast path").isGreaterThan(10);
    }

    @Test
    void onEveryForgedVariantTheFastPathAgreesWithDss() throws IOException {
        ee.allkiri.testkit.pki.TestPki pki = ee.allkiri.asic.forge.ForgedAccess.pki();
        java.time.Instant at = pki.epoch().plus(java.time.Duration.ofDays(30));
        Verifier fast = Verifier.builder().trust(new ee.allkiri.testkit.pki.PkiTrustSource(pki)).validationTime(at).build();
        Verifier full = Verifier.builder().trust(new ee.allkiri.testkit.pki.PkiTrustSource(pki)).validationTime(at)
                .fullValidationOnly().build();
        ee.allkiri.testkit.forge.ContainerForge forge = new ee.allkiri.testkit.forge.ContainerForge(pki);
        for (ee.allkiri.testkit.forge.Variant variant : ee.allkiri.testkit.forge.Variant.values()) {
            byte[] container = forge.forge(variant);
            ContainerReport expected = full.verify(container, variant.fileName());
            assertThat(fast.verify(container, variant.fileName())).as(variant.name()).isEqualTo(expected);
            assertThat(fast.verify(container, variant.fileName())).as(variant.name() + " (primed)").isEqualTo(expected);
        }
        assertThat(fast.statistics().fastPath()).as("signatures that took the fast path").isGreaterThan(5);
    }

    @Test
    void onAForgedBundleTheFastPathAgreesWithDss(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        ee.allkiri.testkit.bundle.BundleSpec spec = ee.allkiri.testkit.bundle.BundleSpec.of(300, 5).withDefectRate(0.05);
        ee.allkiri.testkit.bundle.BundleForge.Result bundle = ee.allkiri.testkit.bundle.BundleForge.write(spec,
                dir.resolve("bundle.asice"), ee.allkiri.asic.forge.ForgedAccess.keys());
        java.time.Instant at = spec.windowUntil().plus(java.time.Duration.ofDays(30));
        Verifier fast = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust())).validationTime(at).build();
        Verifier full = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust())).validationTime(at)
                .fullValidationOnly().build();
        ContainerReport expected = full.verify(bundle.container());
        assertThat(fast.verify(bundle.container())).isEqualTo(expected);
        assertThat(fast.statistics().fastPath()).as("signatures that took the fast path").isGreaterThan(250);
    }
}
