package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.forge.ForgedAccess;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.trustlist.TestLists;
import ee.allkiri.trustlist.TrustListFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the fast path learns a signature's qualification from DSS: with trusted-list data the
 * first signature of a qualification class goes to DSS and the next ones take the fast path;
 * with plain anchors (a folder of certificates) DSS has nothing to qualify by, so no signature
 * goes to DSS to learn, and the reports stay DSS's.
 */
class FastPathLearningTest {

    private static final TestPki PKI = ForgedAccess.pki();
    private static final ContainerForge FORGE = new ContainerForge(PKI);
    private static final Instant AT = PKI.epoch().plus(Duration.ofDays(30));

    @Test
    void withPlainAnchorsNoSignatureGoesToDssToLearn() throws IOException {
        Verifier fast = Verifier.builder().trust(new PkiTrustSource(PKI)).validationTime(AT).build();
        Verifier full = Verifier.builder().trust(new PkiTrustSource(PKI)).validationTime(AT).fullValidationOnly().build();
        for (Variant variant : List.of(Variant.VALID_LT, Variant.VALID_TM)) {
            byte[] container = FORGE.forge(variant);
            ContainerReport report = fast.verify(container, variant.fileName());
            assertThat(report.indication()).as(variant.name()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.signatures().get(0).level()).as(variant.name()).isEqualTo(Qualification.NA);
            assertThat(report).as(variant.name() + ": DSS's report").isEqualTo(full.verify(container, variant.fileName()));
        }
        assertThat(fast.statistics().fastPath()).as("signatures the fast path judged").isEqualTo(2);
        assertThat(fast.statistics().fullValidation()).as("signatures DSS judged").isZero();
        assertThat(full.statistics().fullValidation()).as("signatures DSS judged without the fast path").isEqualTo(2);
    }

    @Test
    void withATrustedListTheFirstSignatureOfAClassGoesToDss(@TempDir Path dir) throws IOException {
        Verifier verifier = Verifier.builder().trust(trustedList(dir)).validationTime(AT).build();
        byte[] container = FORGE.forge(Variant.VALID_LT);

        ContainerReport first = verifier.verify(container, "first.asice");
        assertThat(first.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(verifier.statistics().fullValidation()).as("the first signature of its class, DSS's").isEqualTo(1);
        assertThat(verifier.statistics().fastPath()).isZero();

        ContainerReport second = verifier.verify(container, "first.asice");
        assertThat(verifier.statistics().fastPath()).as("the second signature of the class, the fast path's").isEqualTo(1);
        assertThat(verifier.statistics().fullValidation()).isEqualTo(1);
        assertThat(second).isEqualTo(first);
        assertThat(second.signatures().get(0).level()).as("learned from DSS").isEqualTo(Qualification.QESIG);
    }

    /** A trusted list (signed by a test operator) with the testkit's ID-card CA and time-stamping unit granted. */
    private static TrustSource trustedList(Path dir) throws IOException {
        TestLists.Signer operator = TestLists.Signer.create("allkiri fast path learning test operator");
        Instant epoch = PKI.epoch();
        String xml = TestLists.trustedList("EE", 1, epoch.minus(Duration.ofDays(400)), epoch.plus(Duration.ofDays(3650)),
                List.of(TestLists.Service.granted(TestLists.QC, PKI.esteid2018().commonName(), PKI.esteid2018().certificate(),
                                epoch.minus(Duration.ofDays(1000))),
                        TestLists.Service.granted(TestLists.QTST, PKI.tsa().commonName(), PKI.tsa().certificate(),
                                epoch.minus(Duration.ofDays(1000)))));
        Path file = Files.write(dir.resolve("EE.xml"), TestLists.sign(xml, operator));
        return new TrustListFileSource(file, List.of(operator.certificate()));
    }
}
