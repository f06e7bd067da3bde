package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.forge.ForgedAccess;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import ee.allkiri.testkit.pki.TestPki;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.trustlist.TestLists;
import ee.allkiri.trustlist.TrustListFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast path reuses, for a signature, the qualification DSS gave the first signature of its
 * {@link ee.allkiri.asic.internal.fast.QualificationClass}. Here two signatures look alike in every
 * respect but one that the trusted list makes decisive, so that DSS qualifies them differently:
 * the fast path, having learned the first one's qualification, must not hand it to the second.
 * The trusted lists are written over the testkit PKI: its ESTEID2018-like CA with a status
 * history the test chooses, its time-stamping unit granted throughout. Each container is verified
 * twice on the fast path (the second time its own class is known) and once without it, and the
 * paths each verification takes are checked through {@link Verifier#statistics()}.
 */
class QualificationClassDifferentialTest {

    private static final TestPki PKI = ForgedAccess.pki();
    private static final ContainerForge FORGE = new ContainerForge(PKI);
    private static final Instant EPOCH = PKI.epoch();
    private static final Instant AT = EPOCH.plus(Duration.ofDays(60));
    private static final TestLists.Signer OPERATOR = TestLists.Signer.create("allkiri qualification class list operator");

    @TempDir
    Path dir;

    private TrustSource list(List<TestLists.Period> caHistory) throws IOException {
        String xml = TestLists.trustedList("EE", 1, EPOCH.minus(Duration.ofDays(400)), EPOCH.plus(Duration.ofDays(3650)),
                List.of(new TestLists.Service(TestLists.QC, PKI.esteid2018().commonName(), PKI.esteid2018().certificate(),
                                caHistory),
                        TestLists.Service.granted(TestLists.QTST, PKI.tsa().commonName(), PKI.tsa().certificate(),
                                EPOCH.minus(Duration.ofDays(1000)))));
        Path file = Files.write(Files.createTempFile(dir, "EE", ".xml"), TestLists.sign(xml, OPERATOR));
        return new TrustListFileSource(file, List.of(OPERATOR.certificate()));
    }

    private static byte[] signed(Persona persona, Instant at) {
        DataFile document = FORGE.document();
        return FORGE.container(List.of(document), List.of(FORGE.spec(persona, document).signingTime(at).build()));
    }

    /** The second verification's paths on the fast path, and its report, after checking all three reports agree. */
    private static SignatureReport verify(Verifier fast, Verifier full, byte[] container, String name, boolean firstOfItsClass) {
        Verifier.Statistics before = fast.statistics();
        ContainerReport first = fast.verify(container, name);
        Verifier.Statistics middle = fast.statistics();
        ContainerReport second = fast.verify(container, name);
        Verifier.Statistics after = fast.statistics();
        ContainerReport expected = full.verify(container, name);

        assertThat(first).as(name).isEqualTo(expected);
        assertThat(second).as(name + " (primed)").isEqualTo(expected);
        assertThat(middle.fastPath() - before.fastPath()).as(name + ": first verification on the fast path")
                .isEqualTo(firstOfItsClass ? 0 : 1);
        assertThat(after.fastPath() - middle.fastPath()).as(name + ": second verification on the fast path").isEqualTo(1);
        assertThat(expected.signatures()).hasSize(1);
        return expected.signatures().get(0);
    }

    private static Verifier[] verifiers(TrustSource trust) throws IOException {
        return new Verifier[] {Verifier.builder().trust(trust).validationTime(AT).build(),
                Verifier.builder().trust(trust).validationTime(AT).fullValidationOnly().build()};
    }

    @Test
    void aSignatureMadeAfterTheCaWasWithdrawnDoesNotInheritTheQualificationOfOneMadeBefore() throws IOException {
        Instant withdrawn = EPOCH.plus(Duration.ofDays(10));
        Verifier[] v = verifiers(list(List.of(new TestLists.Period(TestLists.GRANTED, EPOCH.minus(Duration.ofDays(1500))),
                new TestLists.Period(TestLists.WITHDRAWN, withdrawn))));
        Persona signer = FORGE.personas().idCard();

        SignatureReport before = verify(v[0], v[1], signed(signer, EPOCH), "before.asice", true);
        SignatureReport after = verify(v[0], v[1], signed(signer, withdrawn.plus(Duration.ofDays(10))), "after.asice", true);

        assertThat(before.level()).isEqualTo(Qualification.QESIG);
        assertThat(after.level()).isNotEqualTo(Qualification.QESIG);
        assertThat(after.level().isQualified()).isFalse();
        assertThat(after.indication()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(after.signer()).isEqualTo(before.signer());
    }

    @Test
    void aCertificateIssuedBeforeTheCaWasGrantedDoesNotInheritTheQualificationOfOneIssuedAfter() throws IOException {
        Instant granted = EPOCH.minus(Duration.ofDays(200));
        Verifier[] v = verifiers(list(List.of(new TestLists.Period(TestLists.GRANTED, granted))));
        Persona issuedAfter = PKI.persona(PersonaSpec.idCard("Anu", "Pärast",
                PersonalCodes.of(LocalDate.of(1983, 4, 4), true, 31)).withValidity(granted.plus(Duration.ofDays(30)),
                EPOCH.plus(Duration.ofDays(1000))));
        Persona issuedBefore = PKI.persona(PersonaSpec.idCard("Ants", "Enne",
                PersonalCodes.of(LocalDate.of(1982, 3, 3), false, 42)).withValidity(granted.minus(Duration.ofDays(30)),
                EPOCH.plus(Duration.ofDays(1000))));

        SignatureReport qualified = verify(v[0], v[1], signed(issuedAfter, EPOCH), "issued-after.asice", true);
        SignatureReport notQualified = verify(v[0], v[1], signed(issuedBefore, EPOCH), "issued-before.asice", true);

        assertThat(qualified.level()).isEqualTo(Qualification.QESIG);
        assertThat(notQualified.level()).isNotEqualTo(Qualification.QESIG);
        assertThat(notQualified.level().isQualified()).isFalse();
        assertThat(notQualified.indication()).isEqualTo(Indication.TOTAL_PASSED);
    }

    @Test
    void aSecondSignatureOfTheSameClassTakesTheFastPathWithTheSameQualification() throws IOException {
        Verifier[] v = verifiers(list(List.of(new TestLists.Period(TestLists.GRANTED, EPOCH.minus(Duration.ofDays(1500))))));
        Persona signer = FORGE.personas().idCard();

        SignatureReport first = verify(v[0], v[1], signed(signer, EPOCH), "first.asice", true);
        SignatureReport second = verify(v[0], v[1], signed(signer, EPOCH.plus(Duration.ofDays(20))), "second.asice", false);

        assertThat(first.level()).isEqualTo(Qualification.QESIG);
        assertThat(second.level()).isEqualTo(Qualification.QESIG);
    }
}
