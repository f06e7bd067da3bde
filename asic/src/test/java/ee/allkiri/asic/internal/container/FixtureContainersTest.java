package ee.allkiri.asic.internal.container;

import static ee.allkiri.asic.internal.container.Containers.codes;
import static ee.allkiri.asic.internal.container.Containers.fixture;
import static ee.allkiri.core.FindingCode.DATA_FILE_EMPTY;
import static ee.allkiri.core.FindingCode.DATA_FILE_NOT_IN_MANIFEST;
import static ee.allkiri.core.FindingCode.ENTRY_DUPLICATE;
import static ee.allkiri.core.FindingCode.MANIFEST_ENTRY_NOT_IN_CONTAINER;
import static ee.allkiri.core.FindingCode.MANIFEST_MISSING;
import static ee.allkiri.core.FindingCode.MIMETYPE_BOM;
import static ee.allkiri.core.FindingCode.MIMETYPE_EXTRA_FIELD;
import static ee.allkiri.core.FindingCode.MIMETYPE_MISSING;
import static ee.allkiri.core.FindingCode.MIMETYPE_NOT_FIRST;
import static ee.allkiri.core.FindingCode.MIMETYPE_WRONG_CONTENT;
import static ee.allkiri.core.FindingCode.NO_DATA_FILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader against the real containers in {@code fixtures/containers}. The table pins
 * every finding for every fixture; MANIFEST.csv gives each one's expected verdict.
 */
class FixtureContainersTest {

    /** file | container findings, in order. */
    private static final String TABLE = """
            23200_weakdigest-wrong-nonce.asice |
            23608-bdoc21-no-ocsp.bdoc |
            23608_bdoc21-invalid-nonce-policy-and-implied.bdoc |
            23608_bdoc21-no-nonce-policy.bdoc |
            2_signatures_duplicate_id.asice |
            3863_bdoc21_TM_no_datafile.bdoc | NO_DATA_FILES
            Baltic_MoU_digital_signing_EST_LT_LV.bdoc |
            EE_LT_sig_OCSP_15m6s_after_TS.asice |
            IB-4183_3.4kaart_RSA2047_TS.asice |
            IB-4185_bdoc21_TM_mimetype_with_BOM_PROD.bdoc | MIMETYPE_BOM
            InvestorToomas.bdoc |
            KS-10_manifest_topelt_bdoc21_TM.bdoc | ENTRY_DUPLICATE
            KS-15_signatures_xml_topelt.bdoc | MIMETYPE_COMPRESSED ENTRY_DUPLICATE
            KS-18_lisatudfail.4.asice | DATA_FILE_NOT_IN_MANIFEST
            KS-19_IB-3721_bdoc21-TM-2fil-samename-1sig3.bdoc | ENTRY_DUPLICATE
            M1n1_Test_umlauts.txt-TS-d4j.bdoc |
            NoAdditionalCertificates_LT.asice |
            NoAdditionalOcspCertificate.bdoc |
            NoOcspCertificateAnywhere.bdoc | MIMETYPE_NOT_FIRST
            NoOcspCertificateAnywhere_LT_liveTS.asice |
            PSS-signature.asice |
            REF-03_bdoc21-TM-no-signedpropref.bdoc | MIMETYPE_COMPRESSED
            REF-03_bdoc21-TS-no-signedpropref.asice |
            SP-06_bdoc21-no-uri.bdoc | MIMETYPE_COMPRESSED
            SS-4_teadmataCA.4.asice |
            TM-16_unknown.4.asice |
            TS-02_23634_TS_wrong_SignatureValue.asice |
            TS-06_23634_TS_missing_OCSP_adjusted.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            TS-08_23634_TS_OCSP_before_TS.asice |
            TS_broken_TS.asice |
            asice_single_signature_with_expired_signer_and_ts_and_ocsp_certificates.asice |
            bdoc-tm-ocsp-revoked.bdoc |
            bdoc-tm-with-changed-data-file-name.bdoc | DATA_FILE_NOT_IN_MANIFEST MANIFEST_ENTRY_NOT_IN_CONTAINER
            bdoc-tm-with-large-data-file.bdoc |
            bdoc-with-b-epes-signature.bdoc |
            bdoc-with-tm-and-ts-signature.bdoc | MIMETYPE_COMPRESSED
            bdoc21-bad-nonce-content.bdoc | MIMETYPE_COMPRESSED
            bdoc21-vigane-ocsp.bdoc | MIMETYPE_EXTRA_FIELD
            datafile-name-in-signature-contains-path-separator.asice |
            esteid2018signerAiaOcspLT.asice |
            esteid2018signerAiaOcspLTA.asice |
            et10_special-chars-datafile_org-signer_ec.bdoc |
            extra_file_in_container.asice | DATA_FILE_NOT_IN_MANIFEST MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            filename_mismatch_manifest.asice | DATA_FILE_NOT_IN_MANIFEST MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD MANIFEST_ENTRY_NOT_IN_CONTAINER
            filename_mismatch_second_signature.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            incorrectMimetype.bdoc | MIMETYPE_EXTRA_FIELD MIMETYPE_WRONG_CONTENT MANIFEST_MISSING
            invalid-bdoc-tm-missing-revoked-ocsp.bdoc | MIMETYPE_EXTRA_FIELD
            invalid-data-file.bdoc | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            invalid_bdoc21-TS-old-cert.bdoc | MIMETYPE_EXTRA_FIELD
            invalid_bdoc_tm_old-sig-sigat-NOK-prodat-NOK.bdoc | MIMETYPE_EXTRA_FIELD
            latvian_LT_signature_with_7min_difference_between_TS_and_OCSP.asice |
            mimetype_mismatch.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            missing_manifest.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD MANIFEST_MISSING
            missing_mimetype_file.asice | MIMETYPE_MISSING
            multiple_EncapsulatedTimeStamp_elements_in_single_SignatureTimeStamp.asice |
            multiple_signed_properties.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            notABDoc.bdoc | MIMETYPE_MISSING MANIFEST_MISSING
            one-valid-and-multiple-invalid-signatures.asice |
            plus-in-datafile-name-percent-encoded-in-signature.asice |
            policyImplied.asice |
            revocation_timestamp_delta_26h.asice |
            signature-level-T.asice |
            signature_does_not_cover_datafile.asice |
            signed-container-with-empty-datafiles.asice | DATA_FILE_EMPTY DATA_FILE_EMPTY
            signed-container-with-empty-datafiles.bdoc | DATA_FILE_EMPTY DATA_FILE_EMPTY
            signed_properties_reference_not_found.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD
            signing_certificate_not_valid_during_timestamping.asice |
            space-in-datafile-name-encoded-as-plus-in-signature.asice |
            space-in-datafile-name-percent-encoded-in-signature.asice |
            test.asice |
            two_signatures_one_invalid.bdoc |
            unknown_ocsp.asice |
            valid-asice-esteid2018.asice |
            valid-asice-lta.asice |
            valid-asice.asice |
            valid-bdoc-tm-newer.bdoc |
            valid-bdoc-tm.bdoc |
            validTSwImplicitPolicy.asice |
            valid_bdoc_tm_signed_with_valid_cert_expired_by_now.bdoc | MIMETYPE_EXTRA_FIELD
            valid_prod_bdoc_eid.bdoc |
            valid_prod_bdoc_mid.bdoc |
            zip-bomb.asice | DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST DATA_FILE_NOT_IN_MANIFEST MIMETYPE_NOT_FIRST
            zip_file_without_asics_extension.bdoc |
            zip_misses_file_which_is_in_manifest.asice | MIMETYPE_NOT_FIRST MIMETYPE_EXTRA_FIELD MANIFEST_ENTRY_NOT_IN_CONTAINER
            """;

    static Stream<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.list(fixture("."))) {
            return files.filter(p -> p.toString().endsWith(".asice") || p.toString().endsWith(".bdoc"))
                    .sorted().toList().stream();
        }
    }

    static Stream<String> tableRows() {
        return TABLE.lines().map(String::strip).filter(line -> !line.isEmpty());
    }

    private static ParsedContainer read(String name) throws IOException {
        return Containers.READER.read(fixture(name));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("every fixture reads without an exception, and its entries read or fail with a finding code")
    void everyFixtureReads(Path file) throws IOException {
        try (ParsedContainer c = Containers.READER.read(file)) {
            assertThat(c.findings()).isNotNull();
            for (String name : c.signatureFiles()) {
                assertThat(c.readEntry(name)).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("data file digests agree with java.util.zip for every fixture it can open")
    void digestsAgreeWithJdk(Path file) throws Exception {
        ZipFile jdk;
        try {
            jdk = new ZipFile(file.toFile());
        } catch (IOException notForTheJdk) {
            return;
        }
        try (jdk; ParsedContainer c = Containers.READER.read(file)) {
            Map<String, Integer> counts = new HashMap<>();
            c.entryNames().forEach(n -> counts.merge(n, 1, Integer::sum));
            for (DataFileEntry data : c.dataFiles()) {
                if (counts.get(data.name()) > 1) {
                    continue;
                }
                try (InputStream in = jdk.getInputStream(jdk.getEntry(data.name()))) {
                    byte[] content = in.readAllBytes();
                    assertThat(data.size()).isEqualTo(content.length);
                    assertThat(data.sha256()).as(data.name()).isEqualTo(Containers.sha256(content));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableRows")
    @DisplayName("each fixture gives exactly the findings in the table")
    void findingsTable(String row) throws IOException {
        String[] parts = row.split("\\|", -1);
        String name = parts[0].strip();
        List<FindingCode> expected = Arrays.stream(parts[1].strip().split("\\s+"))
                .filter(s -> !s.isEmpty()).map(FindingCode::valueOf).toList();
        try (ParsedContainer c = read(name)) {
            assertThat(codes(c)).as(name).isEqualTo(expected);
            assertThat(c.isReadable()).isTrue();
        }
    }

    @Test
    @DisplayName("the table covers every fixture")
    void tableCoversEveryFixture() throws IOException {
        assertThat(tableRows().map(r -> r.split("\\|")[0].strip()))
                .containsExactlyInAnyOrderElementsOf(fixtures().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    @DisplayName("notABDoc.bdoc is a valid ZIP (one entry, testFiles/test.txt), so not NOT_A_ZIP but MIMETYPE_MISSING and MANIFEST_MISSING")
    void notABdoc() throws IOException {
        try (ParsedContainer c = read("notABDoc.bdoc")) {
            assertThat(codes(c)).containsExactly(MIMETYPE_MISSING, MANIFEST_MISSING);
            assertThat(c.entryNames()).containsExactly("testFiles/test.txt");
            assertThat(c.signatureFiles()).isEmpty();
        }
    }

    @Test
    @DisplayName("incorrectMimetype.bdoc holds 'incorrect mimetype\\n' with an extra field and no manifest")
    void incorrectMimetype() throws IOException {
        try (ParsedContainer c = read("incorrectMimetype.bdoc")) {
            assertThat(codes(c)).containsExactly(MIMETYPE_EXTRA_FIELD, MIMETYPE_WRONG_CONTENT, MANIFEST_MISSING);
            assertThat(c.mimetype()).isEqualTo("incorrect mimetype\n");
        }
    }

    @Test
    @DisplayName("missing_mimetype_file.asice is MIMETYPE_MISSING")
    void missingMimetype() throws IOException {
        try (ParsedContainer c = read("missing_mimetype_file.asice")) {
            assertThat(codes(c)).containsExactly(MIMETYPE_MISSING);
        }
    }

    @Test
    @DisplayName("KS-10: a second META-INF/manifest.xml is ENTRY_DUPLICATE; the first one is used")
    void twoManifests() throws IOException {
        try (ParsedContainer c = read("KS-10_manifest_topelt_bdoc21_TM.bdoc")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location)
                    .containsExactly(tuple(ENTRY_DUPLICATE, "META-INF/manifest.xml"));
            assertThat(c.manifest()).isPresent();
        }
    }

    @Test
    @DisplayName("KS-15: a duplicated META-INF/signatures1.xml is ENTRY_DUPLICATE (its mimetype is also deflated)")
    void twoSignatureFiles() throws IOException {
        try (ParsedContainer c = read("KS-15_signatures_xml_topelt.bdoc")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location).contains(
                    tuple(ENTRY_DUPLICATE, "META-INF/signatures1.xml"));
            assertThat(c.signatureFiles()).containsExactly("META-INF/signatures1.xml");
        }
    }

    @Test
    @DisplayName("KS-19: two data files named readme.txt are ENTRY_DUPLICATE; one data file remains")
    void twoDataFilesSameName() throws IOException {
        try (ParsedContainer c = read("KS-19_IB-3721_bdoc21-TM-2fil-samename-1sig3.bdoc")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location)
                    .containsExactly(tuple(ENTRY_DUPLICATE, "readme.txt"));
            assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("readme.txt");
        }
    }

    @Test
    @DisplayName("IB-4185: a mimetype with a BOM is MIMETYPE_BOM and no error")
    void mimetypeWithBom() throws IOException {
        try (ParsedContainer c = read("IB-4185_bdoc21_TM_mimetype_with_BOM_PROD.bdoc")) {
            assertThat(codes(c)).containsExactly(MIMETYPE_BOM);
            assertThat(c.findings()).noneMatch(Finding::isError);
            assertThat(c.mimetype()).isEqualTo("application/vnd.etsi.asic-e+zip");
        }
    }

    @Test
    @DisplayName("missing_manifest.asice is MANIFEST_MISSING (its mimetype is also last, with an extra field)")
    void missingManifest() throws IOException {
        try (ParsedContainer c = read("missing_manifest.asice")) {
            assertThat(codes(c)).contains(MANIFEST_MISSING);
        }
    }

    @Test
    @DisplayName("3863: a signature but no data file is NO_DATA_FILES")
    void noDataFile() throws IOException {
        try (ParsedContainer c = read("3863_bdoc21_TM_no_datafile.bdoc")) {
            assertThat(codes(c)).containsExactly(NO_DATA_FILES);
        }
    }

    @Test
    @DisplayName("signed-container-with-empty-datafiles: two DATA_FILE_EMPTY warnings, on the empty files")
    void emptyDataFiles() throws IOException {
        try (ParsedContainer c = read("signed-container-with-empty-datafiles.asice")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(
                    tuple(DATA_FILE_EMPTY, "empty-file-2.txt"), tuple(DATA_FILE_EMPTY, "empty-file-4.txt"));
            assertThat(c.dataFiles()).hasSize(5);
        }
    }

    @Test
    @DisplayName("KS-18: test1.txt, added after signing and absent from the manifest, is DATA_FILE_NOT_IN_MANIFEST")
    void addedFile() throws IOException {
        try (ParsedContainer c = read("KS-18_lisatudfail.4.asice")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location)
                    .containsExactly(tuple(DATA_FILE_NOT_IN_MANIFEST, "test1.txt"));
            assertThat(c.dataFiles()).extracting(DataFileEntry::name).containsExactly("test.txt", "test1.txt");
        }
    }

    @Test
    @DisplayName("extra_file_in_container: AdditionalFile.txt is DATA_FILE_NOT_IN_MANIFEST; its mimetype is last with an extra field")
    void extraFile() throws IOException {
        try (ParsedContainer c = read("extra_file_in_container.asice")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location).containsExactly(
                    tuple(DATA_FILE_NOT_IN_MANIFEST, "AdditionalFile.txt"),
                    tuple(MIMETYPE_NOT_FIRST, "mimetype"), tuple(MIMETYPE_EXTRA_FIELD, "mimetype"));
        }
    }

    @Test
    @DisplayName("zip_misses_file_which_is_in_manifest: test.xml is MANIFEST_ENTRY_NOT_IN_CONTAINER")
    void manifestListsMissingFile() throws IOException {
        try (ParsedContainer c = read("zip_misses_file_which_is_in_manifest.asice")) {
            assertThat(c.findings()).extracting(Finding::code, Finding::location)
                    .contains(tuple(MANIFEST_ENTRY_NOT_IN_CONTAINER, "test.xml"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validContainers")
    @DisplayName("the plain valid containers have no error finding")
    void validContainersHaveNoError(String name) throws IOException {
        try (ParsedContainer c = read(name)) {
            assertThat(c.findings()).noneMatch(Finding::isError);
            assertThat(c.dataFiles()).isNotEmpty();
            assertThat(c.signatureFiles()).isNotEmpty();
        }
    }

    static Stream<String> validContainers() {
        return Stream.of("valid-asice.asice", "valid-bdoc-tm.bdoc", "test.asice");
    }
}
