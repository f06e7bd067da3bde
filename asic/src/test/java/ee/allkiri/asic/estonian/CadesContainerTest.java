package ee.allkiri.asic.estonian;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.TokenType;
import ee.allkiri.testkit.cades.AsicManifest;
import ee.allkiri.testkit.cades.CadesForge;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.DataFile;
import ee.allkiri.testkit.xades.Level;
import ee.allkiri.testkit.xades.SignatureSpec;
import ee.allkiri.testkit.zip.RawZip;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ASiC-E containers with CAdES signatures (issue 16, point 6; ETSI EN 319 162-1 4.4.4.2): a
 * {@code META-INF/signature*.p7s} over the ASiCManifest that names it is validated through DSS,
 * and allkiri's own rules check that the manifest lists every data file with its digest.
 */
class CadesContainerTest {

    private static final ContainerForge FORGE = BothPaths.forge();
    private static final CadesForge CADES = FORGE.cades();
    private static final DataFile DOC = FORGE.document();

    private static SignatureSpec.Builder spec(Persona persona, DataFile... files) {
        return FORGE.spec(persona, files);
    }

    private static Set<FindingCode> codes(ContainerReport report) {
        return report.allFindings().map(Finding::code).collect(Collectors.toSet());
    }

    private static ContainerReport verify(BothPaths path, byte[] container) {
        return path.verifier().verify(container, "cades.asice");
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aCadesLtSignatureOverTheManifestIsValid(BothPaths path) {
        Persona signer = FORGE.personas().idCard();
        ContainerReport report = verify(path, CADES.container(List.of(DOC), List.of(spec(signer, DOC).build())));

        assertThat(report.indication()).as(report.allFindings().toList().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(codes(report)).doesNotContain(FindingCode.NO_SIGNATURES, FindingCode.META_INF_UNKNOWN_ENTRY,
                FindingCode.MANIFEST_MISSING, FindingCode.DATA_FILE_UNSIGNED);
        SignatureReport signature = report.signatures().get(0);
        assertThat(signature.file()).isEqualTo(CadesForge.signatureName(1));
        assertThat(signature.profile()).isEqualTo(Profile.LT);
        assertThat(signature.signedFiles()).containsExactly(DOC.name());
        assertThat(signature.signer().personalCode()).isEqualTo(signer.code());
        assertThat(signature.signer().tokenType()).isEqualTo(TokenType.ID_CARD);
        assertThat(signature.timestampTime()).isEqualTo(FORGE.pki().epoch().plusSeconds(1));
        assertThat(signature.ocspProducedAt()).isEqualTo(FORGE.pki().epoch().plusSeconds(3));
        assertThat(signature.claimedSigningTime()).isEqualTo(FORGE.pki().epoch());
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void twoCadesSignaturesWithAnOdfManifestAreValid(BothPaths path) {
        DataFile annex = DataFile.of("lisa.pdf", "application/pdf", "%PDF-1.4 annex".getBytes(StandardCharsets.UTF_8));
        List<DataFile> files = List.of(DOC, annex);
        byte[] container = CadesForge.layout(files, List.of(
                CADES.part(1, spec(FORGE.personas().idCard(), DOC, annex).build()),
                CADES.part(2, spec(FORGE.personas().mobileId(), DOC, annex).build())), true).toBytes();

        ContainerReport report = verify(path, container);

        assertThat(report.indication()).as(report.allFindings().toList().toString()).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.signatures()).extracting(SignatureReport::signedFiles)
                .containsExactly(List.of(DOC.name(), annex.name()), List.of(DOC.name(), annex.name()));
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aDataFileChangedAfterSigningFailsOnTheManifestDigest(BothPaths path) {
        byte[] container = CadesForge.layout(List.of(DOC.withContent("changed\n".getBytes(StandardCharsets.UTF_8))),
                List.of(CADES.part(1, spec(FORGE.personas().idCard(), DOC).build())), false).toBytes();

        ContainerReport report = verify(path, container);

        assertThat(report.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(codes(report)).contains(FindingCode.REFERENCE_DIGEST_MISMATCH, FindingCode.DATA_FILE_UNSIGNED);
        assertThat(report.signatures().get(0).signedFiles()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aFileTheManifestDoesNotListIsUnsigned(BothPaths path) {
        DataFile extra = DataFile.text("added-later.txt", "slipped in\n");
        byte[] container = CadesForge.layout(List.of(DOC, extra),
                List.of(CADES.part(1, spec(FORGE.personas().idCard(), DOC).build())), false).toBytes();

        ContainerReport report = verify(path, container);

        assertThat(report.valid()).isFalse();
        assertThat(codes(report)).contains(FindingCode.SIGNATURE_INCOMPLETE_COVERAGE, FindingCode.DATA_FILE_UNSIGNED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aManifestChangedAfterSigningBreaksTheSignature(BothPaths path) {
        DataFile extra = DataFile.text("added-later.txt", "slipped in\n");
        CadesForge.Part part = CADES.part(1, spec(FORGE.personas().idCard(), DOC).build());
        byte[] container = CadesForge.layout(List.of(DOC, extra),
                List.of(part.withManifest(AsicManifest.of(part.signatureName(), List.of(DOC, extra)))), false).toBytes();

        ContainerReport report = verify(path, container);

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(codes(report)).contains(FindingCode.REFERENCE_DIGEST_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aSignatureNoManifestNamesIsRefused(BothPaths path) {
        CadesForge.Part part = CADES.part(1, spec(FORGE.personas().idCard(), DOC).build());
        byte[] container = CadesForge.layout(List.of(DOC),
                List.of(part.withManifest(AsicManifest.of("META-INF/signature999.p7s", List.of(DOC)))), false).toBytes();

        ContainerReport report = verify(path, container);

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(codes(report)).contains(FindingCode.ASIC_MANIFEST_MISSING);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aMalformedManifestIsRefused(BothPaths path) {
        CadesForge.Part part = CADES.part(1, spec(FORGE.personas().idCard(), DOC).build());
        byte[] broken = new String(part.manifest(), StandardCharsets.UTF_8).replace("<asic:SigReference", "<asic:Other")
                .getBytes(StandardCharsets.UTF_8);
        byte[] container = CadesForge.layout(List.of(DOC), List.of(part.withManifest(broken)), false).toBytes();

        ContainerReport report = verify(path, container);

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(codes(report)).contains(FindingCode.ASIC_MANIFEST_MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aSignatureFileThatIsNoCmsIsRefused(BothPaths path) {
        CadesForge.Part part = CADES.part(1, spec(FORGE.personas().idCard(), DOC).build());
        CadesForge.Part garbage = new CadesForge.Part(part.signatureName(), "not CMS".getBytes(StandardCharsets.UTF_8),
                part.manifestName(), part.manifest());

        ContainerReport report = verify(path, CadesForge.layout(List.of(DOC), List.of(garbage), false).toBytes());

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(codes(report)).contains(FindingCode.SIGNATURE_CMS_MALFORMED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aBLevelCadesSignatureIsNotLongTerm(BothPaths path) {
        ContainerReport report = verify(path, CADES.container(List.of(DOC),
                List.of(spec(FORGE.personas().idCard(), DOC).level(Level.B).build())));

        assertThat(report.signatures().get(0).profile()).isEqualTo(Profile.B);
        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(codes(report)).contains(FindingCode.PROFILE_NOT_LONG_TERM);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void aRevokedSignerFailsByTheOcspRules(BothPaths path) {
        ContainerReport report = verify(path, CADES.container(List.of(DOC),
                List.of(spec(FORGE.personas().revoked(), DOC).build())));

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(codes(report)).contains(FindingCode.OCSP_STATUS_REVOKED);
    }

    @ParameterizedTest
    @EnumSource(BothPaths.class)
    void anOcspResponseBeforeTheTimestampIsIndeterminate(BothPaths path) {
        ContainerReport report = verify(path, CADES.container(List.of(DOC), List.of(spec(FORGE.personas().idCard(), DOC)
                .timestampTime(FORGE.pki().epoch().plusSeconds(60)).ocspTime(FORGE.pki().epoch().plusSeconds(30)).build())));

        assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(codes(report)).contains(FindingCode.OCSP_BEFORE_TIMESTAMP);
    }
}
