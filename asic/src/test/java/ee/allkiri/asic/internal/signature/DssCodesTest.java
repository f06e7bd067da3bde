package ee.allkiri.asic.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SubIndication;
import eu.europa.esig.dss.i18n.MessageTag;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of DSS message keys and the allkiri codes they are read as ({@link DssCodes}): each
 * row gives the key, its code, and the indication and sub-indication DSS 6.4's check class gives
 * the signature when it fails (read from the class named in {@link DssCodes}; FAILED at the check
 * is TOTAL_FAILED on the signature). A code's own indication and sub-indication must be DSS's,
 * so that a finding never names another outcome than the signature it is on.
 */
class DssCodesTest {

    /** key | code | DSS's indication | DSS's sub-indication (for the signer's certificate where DSS distinguishes a CA's); # a note. */
    private static final String TABLE = """
            BBB_ICS_ISCI_ANS | SIGNING_CERTIFICATE_MISSING | INDETERMINATE | NO_SIGNING_CERTIFICATE_FOUND
            BBB_ICS_ISACDP_ANS | SIGNING_CERTIFICATE_MISSING | INDETERMINATE | NO_SIGNING_CERTIFICATE_FOUND
            BBB_ICS_ICDVV_ANS | SIGNING_CERTIFICATE_DIGEST_MISMATCH | INDETERMINATE | NO_SIGNING_CERTIFICATE_FOUND
            BBB_FC_ISD_ANS | SIGNATURE_NOT_ONE_PER_FILE | TOTAL_FAILED | FORMAT_FAILURE
            BBB_CV_IRDOF_ANS | REFERENCE_NOT_FOUND | INDETERMINATE | SIGNED_DATA_NOT_FOUND
            BBB_CV_IRDOI_ANS | REFERENCE_DIGEST_MISMATCH | TOTAL_FAILED | HASH_FAILURE
            BBB_CV_IMEDOI_ANS | REFERENCE_DIGEST_MISMATCH | TOTAL_FAILED | HASH_FAILURE
            BBB_CV_ISI_ANS | SIGNATURE_VALUE_INVALID | TOTAL_FAILED | SIG_CRYPTO_FAILURE
            BBB_SAV_ISQPSTP_ANS | SIGNING_TIME_MISSING | INDETERMINATE | SIG_CONSTRAINTS_FAILURE
            BBB_SAV_ISQPSTWSCVR_ANS | CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE | INDETERMINATE | SIG_CONSTRAINTS_FAILURE
            BBB_XCV_CCCBB_SIG_ANS | CERTIFICATE_CHAIN_UNTRUSTED | INDETERMINATE | NO_CERTIFICATE_CHAIN_FOUND
            BBB_XCV_CCCBB_ANS | CERTIFICATE_CHAIN_UNTRUSTED | INDETERMINATE | NO_CERTIFICATE_CHAIN_FOUND
            BBB_XCV_ISCR_ANS | CERTIFICATE_REVOKED | INDETERMINATE | REVOKED_NO_POE
            ADEST_IRTPTBST_ANS | CERTIFICATE_REVOKED | INDETERMINATE | REVOKED_NO_POE
            BBB_XCV_IRDPFC_ANS | REVOCATION_MISSING | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_IARDPFC_ANS | REVOCATION_MISSING | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_ISCUKN_ANS | REVOCATION_MISSING | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_REVOC_HAS_CERT_INFO_ANS | REVOCATION_MISSING | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_REVOC_AFTER_CERT_NOT_BEFORE_ANS | REVOCATION_MISSING | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_REVOC_THIS_UPDATE_PRESENT_ANS | REVOCATION_MISSING | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            # the revocation acceptance's checks: the signature fails through BBB_XCV_IARDPFC_ANS, CERTIFICATE_CHAIN_GENERAL_FAILURE
            # (the chain check itself gives the revocation data NO_CERTIFICATE_CHAIN_FOUND)
            BBB_XCV_CCCBB_REV_ANS | OCSP_RESPONDER_UNTRUSTED | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_REVOC_ISSUER_KNOWN_ANS | OCSP_RESPONDER_UNTRUSTED | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_REVOC_ISSUER_VALID_AT_PROD_ANS | OCSP_RESPONDER_UNTRUSTED | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            BBB_XCV_IRDPFRC_ANS | OCSP_RESPONDER_STATUS_UNCHECKED | INDETERMINATE | CERTIFICATE_CHAIN_GENERAL_FAILURE
            TSV_IBSTBCEC_ANS | CERTIFICATE_EXPIRED | INDETERMINATE | OUT_OF_BOUNDS_NOT_REVOKED
            # past signature validation: the sub-indication of the certificate at the validation time (NOT_REVOKED or NO_POE)
            TSV_ISCNVABST_ANS | CERTIFICATE_EXPIRED | INDETERMINATE | OUT_OF_BOUNDS_NOT_REVOKED
            ASCCM_AR_ANS_ANR | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_AR_ANS_ANR_2 | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_AR_ANS_AKSNR | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_AR_ANS_AKSNR_2 | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_CAA_ANS | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_DAA_ANS | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_APKSA_ANS | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_APKSA_ANS_2 | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ASCCM_PKSK_ANS | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            ACCM_ANS | ALGORITHM_NOT_RELIABLE | INDETERMINATE | CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            """;

    /** Keys deliberately left unmapped (see {@link DssCodes}): they fall back to VALIDATION_FAILED when alone. */
    private static final String UNMAPPED = """
            BBB_XCV_SUB_ANS BSV_ISAVRC_ANS BSV_IXCVRC_ANS ADEST_ROBVPIIC_ANS LTV_ABSV_ANS ARCH_LTVV_ANS ARCH_LTAIVMP_ANS PSV_IPSVC_ANS
            BBB_XCV_ICTIVRSC_ANS BBB_SAV_ISQPMDOSPP_ANS TSV_IBSTAIDOSC_ANS BBB_XCV_ICTIVRCIRI_ANS BBB_XCV_ISCOH_ANS
            ADEST_ISTPTBST_ANS BBB_XCV_ICSI_ANS ASCCM_DAA_ANS_2
            """;

    record Row(String key, FindingCode code, Indication indication, SubIndication subIndication) {
        @Override
        public String toString() {
            return key + " -> " + code;
        }
    }

    static Stream<Row> rows() {
        return TABLE.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> {
            String[] c = Arrays.stream(l.split("\\|")).map(String::strip).toArray(String[]::new);
            return new Row(c[0], FindingCode.valueOf(c[1]), Indication.valueOf(c[2]), SubIndication.valueOf(c[3]));
        });
    }

    static Stream<String> unmapped() {
        return Arrays.stream(UNMAPPED.strip().split("\\s+"));
    }

    static Stream<String> allKeys() {
        return Stream.concat(rows().map(Row::key), unmapped());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("each DSS key is read as its code")
    void keyIsReadAsItsCode(Row row) {
        assertThat(DssCodes.of(row.key())).contains(row.code());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    @DisplayName("the code's indication and sub-indication are the ones DSS gives for the key")
    void codeNamesDssOutcome(Row row) {
        if (row.code().defaultSeverity() == Severity.ERROR) {
            assertThat(row.code().indication()).isEqualTo(row.indication());
            assertThat(row.code().subIndication()).isEqualTo(row.subIndication());
        } else {
            // a warning explains the error that always accompanies it: the failed revocation acceptance
            assertThat(row.key()).isEqualTo("BBB_XCV_IRDPFRC_ANS");
            assertThat(DssCodes.of("BBB_XCV_IARDPFC_ANS")).contains(FindingCode.REVOCATION_MISSING);
            assertThat(FindingCode.REVOCATION_MISSING.subIndication()).isEqualTo(row.subIndication());
        }
    }

    @Test
    @DisplayName("the table lists exactly the mapped keys")
    void tableIsTheMap() {
        assertThat(rows().map(Row::key).collect(Collectors.toSet())).isEqualTo(DssCodes.keys());
        assertThat(unmapped()).allSatisfy(key -> assertThat(DssCodes.of(key)).isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allKeys")
    @DisplayName("every key, mapped or deliberately not, is one of DSS's message keys (a renamed key fails here)")
    void keyExistsInDss(String key) throws IOException {
        assertThat(dssMessages().getProperty(key)).as("dss-messages.properties has " + key).isNotBlank();
        assertThat(Arrays.stream(MessageTag.values()).map(MessageTag::getId)).contains(key);
    }

    private static Properties dssMessages() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageTag.class.getClassLoader().getResourceAsStream("dss-messages.properties")) {
            assertThat(in).as("dss-messages.properties on the class path (dss-i18n)").isNotNull();
            properties.load(in);
        }
        return properties;
    }
}
