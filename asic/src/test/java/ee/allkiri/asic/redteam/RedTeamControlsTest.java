package ee.allkiri.asic.redteam;

import static ee.allkiri.asic.redteam.Forgery.EPOCH;
import static ee.allkiri.asic.redteam.Forgery.container;
import static ee.allkiri.asic.redteam.Forgery.doc;
import static ee.allkiri.asic.redteam.Forgery.personas;
import static ee.allkiri.asic.redteam.Forgery.sign;
import static ee.allkiri.asic.redteam.Forgery.signer;
import static ee.allkiri.asic.redteam.Forgery.spec;
import static ee.allkiri.asic.redteam.Forgery.tree;
import static ee.allkiri.testkit.xades.XmlNode.el;
import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.redteam.Judges.Route;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.service.OcspStatus;
import ee.allkiri.testkit.xades.ContentTimestamps;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.XmlNode;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the attacks start from passes, so each attack fails for its twist and not for its
 * forgery: the untouched containers of every family are TOTAL_PASSED on both routes, and so is
 * evidence that agrees (the same response twice; a revocation after the signature). Also the
 * rules that are findings on valid signatures rather than attacks: a claimed SigningTime after
 * the proof is a warning (SIGNING_TIME_AFTER_PROOF), and the report never names as signer a
 * person whose certificate merely sits in the signature.
 */
class RedTeamControlsTest {

    /** An untouched container an attack family starts from. */
    record Control(String name, Judges judges, Supplier<byte[]> container) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> controls() {
        DataFile empty1 = DataFile.of("annex-1.txt", "text/plain", new byte[0]);
        DataFile empty2 = DataFile.of("annex-2.txt", "text/plain", new byte[0]);
        DataFile copy1 = DataFile.text("copy-1.txt", "The undersigned support the initiative.\n");
        DataFile copy2 = DataFile.text("copy-2.txt", "The undersigned support the initiative.\n");
        DataFile contract = DataFile.text("contract.txt", "I agree to pay 10 EUR.\n");
        DataFile receipt = DataFile.text("receipt.txt", "I agree to pay 1000 EUR.\n");
        List<Control> controls = List.of(
                new Control("an LT signature by the ID-card signer", Judges.TEST_PKI,
                        () -> container(List.of(doc()), List.of(sign(spec(signer(), doc()).build())))),
                new Control("a time-mark signature by the pre-2018 ID-card signer", Judges.TEST_PKI,
                        () -> container(List.of(doc()), List.of(sign(spec(personas().plainIdCard(), doc()).level(Level.LT_TM)
                                .build())))),
                new Control("two empty files under one signature", Judges.TEST_PKI,
                        () -> container(List.of(empty1, empty2), List.of(sign(spec(signer(), empty1, empty2).build())))),
                new Control("two equal texts under two signatures", Judges.TEST_PKI,
                        () -> container(List.of(copy1, copy2), List.of(sign(spec(signer(), copy1, copy2).build()),
                                sign(spec(personas().mobileId(), copy1, copy2).id("S1").signingTime(EPOCH.plusSeconds(600))
                                        .build())))),
                new Control("two different files under one signature", Judges.TEST_PKI,
                        () -> container(List.of(contract, receipt), List.of(sign(spec(signer(), contract, receipt).build())))),
                new Control("a content time-stamp over the signed file", Judges.TEST_PKI,
                        () -> ContentTimestampAttacks.signed(ContentTimestamps.allDataObjects(ContentTimestampAttacks.tsa(),
                                ContentTimestampAttacks.BEFORE))),
                new Control("the signer's good OCSP response twice in RevocationValues (agreeing evidence)", Judges.TEST_PKI,
                        () -> withSecondResponse(OcspStatus.GOOD, EPOCH.plusSeconds(3))),
                new Control("a good response, and one a week later saying revoked a day after the signature (consistent)",
                        Judges.TEST_PKI, () -> withSecondResponse(OcspStatus.revoked(EPOCH.plus(Duration.ofDays(1))),
                                EPOCH.plus(Duration.ofDays(7)))),
                new Control("the real fixture " + DuplicateContentAttacks.FIXTURES.get(0), Judges.FIXTURES,
                        () -> Fixtures.bytes(DuplicateContentAttacks.FIXTURES.get(0))),
                new Control("the real fixture " + DuplicateContentAttacks.FIXTURES.get(1), Judges.FIXTURES,
                        () -> Fixtures.bytes(DuplicateContentAttacks.FIXTURES.get(1))));
        return controls.stream().flatMap(c -> Stream.of(Arguments.of(c, Route.FAST_PATH), Arguments.of(c, Route.FULL_VALIDATION)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("controls")
    @DisplayName("what an attack starts from is valid")
    void untouchedIsValid(Control control, Route route) {
        for (ContainerReport report : verify(control.judges(), control.container().get(), route)) {
            assertThat(report.indication()).as("%s: %s", control, report.allFindings().toList())
                    .isEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    @DisplayName("a SigningTime two hours after the time-stamp is a warning on a valid signature")
    void claimedTimeAfterTheTimestamp(Route route) {
        byte[] container = container(List.of(doc()), List.of(sign(spec(signer(), doc()).signingTime(EPOCH.plusSeconds(7200))
                .timestampTime(EPOCH).ocspTime(EPOCH.plusSeconds(2)).build())));
        assertWarnedAndValid(container, route);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    @DisplayName("a SigningTime two hours after the time-mark is a warning on a valid signature")
    void claimedTimeAfterTheTimeMark(Route route) {
        byte[] container = container(List.of(doc()), List.of(sign(spec(personas().plainIdCard(), doc()).level(Level.LT_TM)
                .signingTime(EPOCH.plusSeconds(7200)).ocspTime(EPOCH).build())));
        assertWarnedAndValid(container, route);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    @DisplayName("a SigningTime 30 seconds after the time-stamp is within the tolerance: no warning")
    void claimedTimeWithinTolerance(Route route) {
        byte[] container = container(List.of(doc()), List.of(sign(spec(signer(), doc()).signingTime(EPOCH.plusSeconds(30))
                .timestampTime(EPOCH).ocspTime(EPOCH.plusSeconds(2)).build())));
        for (ContainerReport report : verify(Judges.TEST_PKI, container, route)) {
            assertThat(report.indication()).as("%s", report.allFindings().toList()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.has(FindingCode.SIGNING_TIME_AFTER_PROOF)).as("%s", report.allFindings().toList()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    @DisplayName("a stranger's certificate before the signer's in KeyInfo: the report never names the stranger")
    void strangerInKeyInfo(Route route) {
        Persona stranger = personas().mobileId();
        XmlNode root = tree(spec(signer(), doc()).build());
        XmlNode stranger509 = el("ds:X509Certificate", Forgery.base64(der(stranger)));
        Forgery.keyInfo(root).child("ds:X509Data").insert(0, stranger509);
        assertNeverNamed(container(List.of(doc()), root), stranger, route);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    @DisplayName("a stranger's certificate in KeyInfo, the signer's among CertificateValues: the report never names the stranger")
    void strangerInKeyInfoSignerInCertificateValues(Route route) {
        Persona stranger = personas().mobileId();
        XmlNode root = tree(spec(signer(), doc()).build());
        XmlNode x509Data = Forgery.keyInfo(root).child("ds:X509Data");
        XmlNode own = x509Data.child("ds:X509Certificate");
        x509Data.replace(own, el("ds:X509Certificate", Forgery.base64(der(stranger))));
        Forgery.unsignedSignatureProperties(root).child("xades:CertificateValues")
                .add(el("xades:EncapsulatedX509Certificate", own.text()));
        assertNeverNamed(container(List.of(doc()), root), stranger, route);
    }

    private static void assertNeverNamed(byte[] container, Persona stranger, Route route) {
        for (ContainerReport report : verify(Judges.TEST_PKI, container, route)) {
            for (SignatureReport signature : report.signatures()) {
                if (signature.signer() != null) {
                    assertThat(signature.signer().personalCode()).as("the report names the stranger")
                            .isNotEqualTo(stranger.code());
                }
                if (signature.indication() == Indication.TOTAL_PASSED) {
                    assertThat(signature.signer().personalCode()).isEqualTo(signer().code());
                }
            }
        }
    }

    private static void assertWarnedAndValid(byte[] container, Route route) {
        for (ContainerReport report : verify(Judges.TEST_PKI, container, route)) {
            assertThat(report.indication()).as("%s", report.allFindings().toList()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.allFindings().filter(f -> f.code() == FindingCode.SIGNING_TIME_AFTER_PROOF).map(Finding::severity))
                    .as("%s", report.allFindings().toList()).containsExactly(Severity.WARNING);
        }
    }

    /** The LT signature with a second response about the signer in RevocationValues, after the first. */
    private static byte[] withSecondResponse(OcspStatus status, Instant producedAt) {
        XmlNode root = tree(spec(signer(), doc()).build());
        Forgery.ocspValues(root).add(Forgery.ocspValue(Forgery.ocsp(signer(), status, producedAt)));
        return container(List.of(doc()), root);
    }

    /** On the fast path twice (the second is the fast path's own answer once it knows the class), else once. */
    private static List<ContainerReport> verify(Judges judges, byte[] container, Route route) {
        return Judgement.verify(judges, container, route);
    }

    private static byte[] der(Persona persona) {
        try {
            return persona.certificate().getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

}
