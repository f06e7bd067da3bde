package ee.allkiri.asic.estonian;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.pki.PersonaSpec;
import ee.allkiri.testkit.pki.PersonalCodes;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.xades.SigningHook;
import ee.allkiri.testkit.xades.XadesSigner;
import ee.allkiri.testkit.xades.XmlNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The claimed signing time as DSS's signature acceptance judges it (DssCodes): a signature with no
 * xades:SigningTime is SIGNING_TIME_MISSING, and a time-stamp based signature whose claimed time
 * lies outside the signer's certificate while its time-stamp lies inside is
 * CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE, not CERTIFICATE_EXPIRED (the certificate was valid when
 * the signature is proven to exist). Each signature gets the indication and sub-indication its
 * code documents, on both paths.
 */
class ClaimedSigningTimeCodesTest {

    private static final ContainerForge FORGE = BothPaths.forge();
    private static final DataFile DOC = FORGE.document();
    private static final Instant EPOCH = FORGE.pki().epoch();
    private static final XadesSigner SIGNER = new XadesSigner(FORGE.pki());

    /** Takes xades:SigningTime out of the signed properties before they are signed. */
    private static final SigningHook NO_SIGNING_TIME = new SigningHook() {
        @Override
        public void signedProperties(XmlNode signedProperties, SignatureSpec spec) {
            XmlNode properties = signedProperties.child("xades:SignedSignatureProperties");
            properties.remove(properties.child("xades:SigningTime"));
        }
    };

    private static Persona validBetween(Instant from, Instant until, int serial) {
        return FORGE.pki().persona(PersonaSpec.idCard("Aino", "Aeg", PersonalCodes.of(LocalDate.of(1971, 3, 4), true, serial))
                .withPlainSerial().withValidity(from, until));
    }

    private static SignatureReport only(ContainerReport report) {
        assertThat(report.signatures()).hasSize(1);
        return report.signatures().get(0);
    }

    private static List<FindingCode> errors(SignatureReport signature) {
        return signature.findings().stream().filter(Finding::isError).map(Finding::code).toList();
    }

    private static void assertOutcomeOf(FindingCode code, SignatureReport signature) {
        assertThat(errors(signature)).as(signature.findings().toString()).contains(code);
        assertThat(signature.indication()).as(signature.findings().toString()).isEqualTo(code.indication());
        assertThat(signature.subIndication()).as(signature.findings().toString()).isEqualTo(code.subIndication());
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anLtSignatureWithoutSigningTime(BothPaths path) {
        SignatureSpec spec = FORGE.spec(FORGE.personas().idCard(), DOC).build();
        byte[] container = FORGE.containerOf(List.of(DOC), List.of(SIGNER.sign(spec, NO_SIGNING_TIME)));

        SignatureReport signature = only(path.verifier().verify(container, "no-signing-time.asice"));

        assertOutcomeOf(FindingCode.SIGNING_TIME_MISSING, signature);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aTimeMarkSignatureWithoutSigningTime(BothPaths path) {
        SignatureSpec spec = FORGE.spec(FORGE.personas().plainIdCard(), DOC).level(Level.LT_TM).build();
        byte[] container = FORGE.containerOf(List.of(DOC), List.of(SIGNER.sign(spec, NO_SIGNING_TIME)));

        SignatureReport signature = only(path.verifier().verify(container, "no-signing-time.bdoc"));

        assertOutcomeOf(FindingCode.SIGNING_TIME_MISSING, signature);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anLtSignatureClaimingATimeBeforeItsCertificate(BothPaths path) {
        Persona persona = validBetween(EPOCH.plus(Duration.ofHours(1)), EPOCH.plus(Duration.ofDays(1000)), 231);
        SignatureSpec spec = FORGE.spec(persona, DOC).signingTime(EPOCH).timestampTime(EPOCH.plus(Duration.ofHours(2)))
                .build();

        SignatureReport signature = only(path.verifier().verify(FORGE.container(List.of(DOC), List.of(spec)),
                "claims-before-certificate.asice"));

        assertOutcomeOf(FindingCode.CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE, signature);
        assertThat(errors(signature)).doesNotContain(FindingCode.CERTIFICATE_EXPIRED);
    }

    /**
     * The certificate has expired by the validation time, so DSS's simple report names only its
     * wrapper ("the Signature Acceptance Validation building block is not conclusive"); the code
     * comes from that block's own error (DssReports reads it), not the VALIDATION_FAILED fallback.
     */
    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anLtSignatureClaimingATimeAfterItsCertificate(BothPaths path) {
        Persona persona = validBetween(EPOCH.minus(Duration.ofDays(1000)), EPOCH.plus(Duration.ofHours(1)), 232);
        SignatureSpec spec = FORGE.spec(persona, DOC).signingTime(EPOCH.plus(Duration.ofHours(3)))
                .timestampTime(EPOCH.plus(Duration.ofMinutes(30))).build();

        SignatureReport signature = only(path.verifier().verify(FORGE.container(List.of(DOC), List.of(spec)),
                "claims-after-certificate.asice"));

        assertOutcomeOf(FindingCode.CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE, signature);
        assertThat(errors(signature)).doesNotContain(FindingCode.CERTIFICATE_EXPIRED, FindingCode.VALIDATION_FAILED);
    }
}
