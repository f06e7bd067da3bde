package ee.allkiri.asic.estonian;

import static ee.allkiri.asic.estonian.BothPaths.severities;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.DataFile;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.Exclusion;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.trustlist.TestLists;
import ee.allkiri.trustlist.TrustListFileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A signature trusted lists show not to be qualified (issue 16, point 2), on a trusted list the
 * test writes over the testkit PKI: its ESTEID2018-like CA withdrawn before the signing time
 * makes the forged ID-card signature advanced, not qualified. ETSI EN 319 102-1 and SiVa pass
 * it: TOTAL_PASSED, its level shown, NOT_QUALIFIED a warning. {@code requireQualified()} makes
 * it an error; the audit does not count it (Exclusion.NOT_QUALIFIED).
 */
class NotQualifiedTest {

    private static final TestPki PKI = BothPaths.pki();
    private static final ContainerForge FORGE = BothPaths.forge();
    private static final TestLists.Signer OPERATOR = TestLists.Signer.create("allkiri issue 16 list operator");

    @TempDir
    Path dir;

    private TrustSource list(List<TestLists.Period> caHistory) {
        Instant epoch = PKI.epoch();
        String xml = TestLists.trustedList("EE", 1, epoch.minus(Duration.ofDays(400)), epoch.plus(Duration.ofDays(3650)),
                List.of(new TestLists.Service(TestLists.QC, PKI.esteid2018().commonName(), PKI.esteid2018().certificate(),
                                caHistory),
                        TestLists.Service.granted(TestLists.QTST, PKI.tsa().commonName(), PKI.tsa().certificate(),
                                epoch.minus(Duration.ofDays(1000)))));
        try {
            Path file = Files.write(Files.createTempFile(dir, "EE", ".xml"), TestLists.sign(xml, OPERATOR));
            return new TrustListFileSource(file, List.of(OPERATOR.certificate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TrustSource withdrawnBeforeSigning() {
        return list(List.of(new TestLists.Period(TestLists.GRANTED, PKI.epoch().minus(Duration.ofDays(1500))),
                new TestLists.Period(TestLists.WITHDRAWN, PKI.epoch().minus(Duration.ofDays(30)))));
    }

    /** Verifies the ID-card LT signature; on the fast path twice, so that the second one is the fast path's. */
    private static SignatureReport verify(BothPaths path, Verifier verifier) {
        byte[] container = FORGE.forge(Variant.VALID_LT);
        ContainerReport first = verifier.verify(container, "advanced.asice");
        if (path == BothPaths.FULL_VALIDATION) {
            return first.signatures().get(0);
        }
        long fast = verifier.statistics().fastPath();
        ContainerReport second = verifier.verify(container, "advanced.asice");
        assertThat(verifier.statistics().fastPath()).as("the second signature took the fast path").isEqualTo(fast + 1);
        assertThat(second.signatures().get(0).level()).isEqualTo(first.signatures().get(0).level());
        return second.signatures().get(0);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anAdvancedSignaturePassesWithItsLevelAndAWarning(BothPaths path) {
        SignatureReport signature = verify(path, path.verifier(UnaryOperator.identity(), withdrawnBeforeSigning()));

        assertThat(signature.indication()).as(signature.findings().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(signature.level().isQualified()).isFalse();
        assertThat(signature.level()).isNotEqualTo(Qualification.NA);
        assertThat(signature.findings()).filteredOn(f -> f.code() == FindingCode.NOT_QUALIFIED)
                .extracting(f -> f.severity()).containsExactly(Severity.WARNING);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void requireQualifiedMakesItAnError(BothPaths path) {
        SignatureReport signature = verify(path, path.verifier(Verifier.Builder::requireQualified, withdrawnBeforeSigning()));

        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(signature.findings()).filteredOn(f -> f.code() == FindingCode.NOT_QUALIFIED)
                .extracting(f -> f.severity()).containsExactly(Severity.ERROR);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aGrantedServiceGivesAQualifiedSignatureWithoutTheWarning(BothPaths path) {
        TrustSource granted = list(List.of(new TestLists.Period(TestLists.GRANTED, PKI.epoch().minus(Duration.ofDays(1500)))));

        SignatureReport signature = verify(path, path.verifier(UnaryOperator.identity(), granted));

        assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(signature.level()).isEqualTo(Qualification.QESIG);
        assertThat(signature.has(FindingCode.NOT_QUALIFIED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void theAuditDoesNotCountIt(BothPaths path) {
        Verifier verifier = path.verifier(UnaryOperator.identity(), withdrawnBeforeSigning());
        ContainerReport report = verifier.verify(FORGE.forge(Variant.VALID_LT), "advanced.asice");
        DataFile document = report.dataFiles().get(0);

        AuditReport audit = Audit.of(List.of(report), AuditPolicy.forDocument(document.sha256()));

        assertThat(report.valid()).isTrue();
        assertThat(severities(report, FindingCode.NOT_QUALIFIED)).containsExactly(Severity.WARNING);
        assertThat(audit.signatures().get(0).exclusions()).containsExactly(Exclusion.NOT_QUALIFIED);
        assertThat(audit.summary().counted()).isZero();
    }
}
