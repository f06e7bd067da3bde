package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each signature-level rule, triggered by a real container that breaks it. The column
 * "signature" is the signature file; the finding must be on that signature with the code's
 * default severity.
 */
class FixtureFindingsTest {

    @ParameterizedTest(name = "{2} on {0}")
    @CsvSource({
            "23200_weakdigest-wrong-nonce.asice, signatures0.xml, TM_OCSP_NONCE_MISMATCH",
            "bdoc21-bad-nonce-content.bdoc, signatures1.xml, TM_OCSP_NONCE_MISMATCH",
            // both SignaturePolicyId and SignaturePolicyImplied: the schema allows one of them
            "23608_bdoc21-invalid-nonce-policy-and-implied.bdoc, signatures1.xml, SIGNATURE_STRUCTURE_INVALID",
            "23608_bdoc21-no-nonce-policy.bdoc, signatures1.xml, TM_POLICY_SPURI_MISSING",
            "SP-06_bdoc21-no-uri.bdoc, signatures1.xml, TM_POLICY_SPURI_MISSING",
            "unknown_ocsp.asice, signatures0.xml, TM_POLICY_IDENTIFIER",
            "NoOcspCertificateAnywhere.bdoc, signatures1.xml, TM_RESPONDER_NOT_ALLOWED",
            "3863_bdoc21_TM_no_datafile.bdoc, signatures1.xml, REFERENCE_NOT_FOUND",
            "space-in-datafile-name-encoded-as-plus-in-signature.asice, signatures0.xml, REFERENCE_NOT_FOUND",
            "datafile-name-in-signature-contains-path-separator.asice, signatures0.xml, REFERENCE_NOT_FOUND",
            "zip_misses_file_which_is_in_manifest.asice, signatures0.xml, REFERENCE_NOT_FOUND",
            "invalid-data-file.bdoc, signatures0.xml, REFERENCE_DIGEST_MISMATCH",
            "signature_does_not_cover_datafile.asice, signatures1.xml, SIGNATURE_VALUE_INVALID",
            "KS-18_lisatudfail.4.asice, signatures0.xml, SIGNATURE_INCOMPLETE_COVERAGE",
            "extra_file_in_container.asice, signatures0.xml, SIGNATURE_INCOMPLETE_COVERAGE",
            "two_signatures_one_invalid.bdoc, signatures1.xml, SIGNING_CERTIFICATE_DIGEST_MISMATCH",
            "REF-03_bdoc21-TM-no-signedpropref.bdoc, signatures1.xml, SIGNED_PROPERTIES_REFERENCE",
            "REF-03_bdoc21-TS-no-signedpropref.asice, signatures0.xml, SIGNED_PROPERTIES_REFERENCE",
            "multiple_signed_properties.asice, signatures0.xml, SIGNED_PROPERTIES_REFERENCE",
            "REF-03_bdoc21-TS-no-signedpropref.asice, signatures0.xml, VALIDATION_FAILED",
            "InvestorToomas.bdoc, signatures0.xml, CERTIFICATE_NON_DER",
            "IB-4183_3.4kaart_RSA2047_TS.asice, signatures0.xml, CERTIFICATE_NON_DER",
            "zip_file_without_asics_extension.bdoc, signatures0.xml, KEY_USAGE_NON_REPUDIATION",
            "SS-4_teadmataCA.4.asice, signatures0.xml, CERTIFICATE_CHAIN_UNTRUSTED",
            "SS-4_teadmataCA.4.asice, signatures0.xml, ALGORITHM_NOT_RELIABLE",
            "bdoc-tm-ocsp-revoked.bdoc, signatures0.xml, OCSP_STATUS_REVOKED",
            "invalid_bdoc_tm_old-sig-sigat-NOK-prodat-NOK.bdoc, signatures1.xml, CERTIFICATE_EXPIRED",
            "signing_certificate_not_valid_during_timestamping.asice, signatures0.xml, CERTIFICATE_EXPIRED",
            "23608-bdoc21-no-ocsp.bdoc, signatures1.xml, REVOCATION_MISSING",
            "TM-16_unknown.4.asice, signatures0.xml, OCSP_STATUS_UNKNOWN",
            "bdoc21-vigane-ocsp.bdoc, signatures1.xml, OCSP_RESPONSE_INVALID",
            "esteid2018signerAiaOcspLT.asice, signatures0.xml, OCSP_RESPONDER_UNTRUSTED",
            "TS-08_23634_TS_OCSP_before_TS.asice, signatures0.xml, OCSP_BEFORE_TIMESTAMP",
            "EE_LT_sig_OCSP_15m6s_after_TS.asice, signatures0.xml, OCSP_NOT_FRESH",
            "revocation_timestamp_delta_26h.asice, signatures0.xml, OCSP_TOO_LATE_AFTER_TIMESTAMP",
            "TS-02_23634_TS_wrong_SignatureValue.asice, signatures0.xml, TIMESTAMP_INVALID",
            "TS_broken_TS.asice, signatures0.xml, TIMESTAMP_UNTRUSTED",
            "multiple_EncapsulatedTimeStamp_elements_in_single_SignatureTimeStamp.asice, signatures0.xml, TIMESTAMP_MULTIPLE_TOKENS",
            "policyImplied.asice, signatures0.xml, POLICY_IMPLIED",
            "bdoc-with-b-epes-signature.bdoc, signatures0.xml, PROFILE_NOT_LONG_TERM",
            "signature-level-T.asice, signatures0.xml, PROFILE_NOT_LONG_TERM",
            "mimetype_mismatch.asice, signatures0.xml, MANIFEST_MIME_TYPE_MISMATCH",
            "valid-bdoc-tm.bdoc, signatures0.xml, PERSONAL_CODE_CHECKSUM",
            "valid-asice-esteid2018.asice, signatures0.xml, TEST_CERTIFICATE"})
    void theRuleFiresOnTheSignatureThatBreaksIt(String fixture, String signature, FindingCode code) {
        ContainerReport report = Fixtures.verify(fixture);
        SignatureReport sig = report.signatures().stream()
                .filter(s -> s.file().equals("META-INF/" + signature)).findFirst().orElseThrow();
        assertThat(sig.findings()).extracting(Finding::code).contains(code);
        Severity severity = sig.findings().stream().filter(f -> f.code() == code).findFirst().orElseThrow().severity();
        assertThat(severity).isEqualTo(code.defaultSeverity());
        if (severity == Severity.ERROR) {
            assertThat(sig.valid()).isFalse();
        }
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({
            "KS-10_manifest_topelt_bdoc21_TM.bdoc, ENTRY_DUPLICATE",
            "KS-19_IB-3721_bdoc21-TM-2fil-samename-1sig3.bdoc, ENTRY_DUPLICATE",
            "KS-15_signatures_xml_topelt.bdoc, ENTRY_DUPLICATE",
            "missing_manifest.asice, MANIFEST_MISSING",
            "missing_mimetype_file.asice, MIMETYPE_MISSING",
            "incorrectMimetype.bdoc, MIMETYPE_WRONG_CONTENT",
            "incorrectMimetype.bdoc, NO_SIGNATURES",
            "bdoc-with-tm-and-ts-signature.bdoc, MIMETYPE_COMPRESSED",
            "extra_file_in_container.asice, MIMETYPE_NOT_FIRST",
            "IB-4185_bdoc21_TM_mimetype_with_BOM_PROD.bdoc, MIMETYPE_BOM",
            "filename_mismatch_manifest.asice, MANIFEST_ENTRY_NOT_IN_CONTAINER",
            "filename_mismatch_manifest.asice, DATA_FILE_NOT_IN_MANIFEST",
            "KS-18_lisatudfail.4.asice, DATA_FILE_UNSIGNED",
            "3863_bdoc21_TM_no_datafile.bdoc, NO_DATA_FILES",
            "signed-container-with-empty-datafiles.asice, DATA_FILE_EMPTY"})
    void theContainerRuleFires(String fixture, FindingCode code) {
        ContainerReport report = Fixtures.verify(fixture);
        assertThat(report.findings()).extracting(Finding::code).contains(code);
        assertThat(report.valid()).isEqualTo(code.defaultSeverity() != Severity.ERROR
                && report.signatures().stream().allMatch(SignatureReport::valid));
    }
}
