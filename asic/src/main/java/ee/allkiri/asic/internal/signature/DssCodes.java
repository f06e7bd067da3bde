package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.FindingCode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DSS 6.4's message keys (the errors of a signature's AdES validation, eu.europa.esig.dss.i18n.MessageTag)
 * read as allkiri's finding codes, one entry per DSS constraint whose failure is the fact the
 * code names. The comment of each group gives the DSS check class that emits the key and the
 * indication / sub-indication DSS gives the signature for it; the code's own indication and
 * sub-indication agree with DSS's. One key maps to a warning: BBB_XCV_IRDPFRC_ANS, the OCSP
 * responder's own status unchecked, which DSS reports inside the failed revocation acceptance and
 * so always together with BBB_XCV_IARDPFC_ANS (REVOCATION_MISSING, the error); allkiri's own OCSP
 * rule gives the same fact the same warning. Keys with no allkiri meaning (the "is not conclusive" wrappers
 * such as BBB_XCV_SUB_ANS, ARCH_LTAIVMP_ANS), keys of constraints allkiri's policy keeps below
 * FAIL, and these are left out on purpose:
 *
 * <ul>
 *   <li>BBB_XCV_ICTIVRSC_ANS (CertificateValidityRangeCheck): the certificate is outside its validity
 *       at the validation time, not at the signing time; the long-term validation settles that with
 *       the best-signature-time (TSV_IBSTBCEC_ANS below), and for an old signature the key only rides
 *       along with the real failure.</li>
 *   <li>BBB_SAV_ISQPMDOSPP_ANS (MessageDigestOrSignedPropertiesCheck): XAdES SignedProperties or the
 *       CMS message-digest, per format; allkiri's own checks report both (SIGNED_PROPERTIES_REFERENCE,
 *       the CMS message digest).</li>
 *   <li>TSV_IBSTAIDOSC_ANS (BestSignatureTimeNotBeforeCertificateIssuanceCheck, FAILED/NOT_YET_VALID):
 *       allkiri's SignerValidityRule reports the fact as CERTIFICATE_EXPIRED, whose indication is
 *       INDETERMINATE; DSS's FAILED/NOT_YET_VALID stands on the signature.</li>
 *   <li>BBB_XCV_ICTIVRCIRI_ANS (RevocationIssuerValidityRangeCheck): informational in allkiri's policy
 *       (an OCSP responder that expired after signing is accepted), so never an error.</li>
 *   <li>BBB_XCV_ISCOH_ANS, ADEST_ISTPTBST_ANS (certificate on hold, suspension), BBB_XCV_ICSI_ANS and the
 *       other CA certificate constraints, ASCCM_DAA_ANS_2 (no digest algorithm, because the referenced
 *       data is missing): no allkiri code.</li>
 * </ul>
 *
 * Unmapped errors fall back to VALIDATION_FAILED with DSS's text when no key of the signature maps.
 * Stateless.
 */
final class DssCodes {

    private static final Map<String, FindingCode> CODES = Map.ofEntries(
            // identification of the signing certificate: INDETERMINATE / NO_SIGNING_CERTIFICATE_FOUND
            Map.entry("BBB_ICS_ISCI_ANS", FindingCode.SIGNING_CERTIFICATE_MISSING), // SigningCertificateRecognitionCheck
            Map.entry("BBB_ICS_ISACDP_ANS", FindingCode.SIGNING_CERTIFICATE_MISSING), // DigestValuePresentCheck
            Map.entry("BBB_ICS_ICDVV_ANS", FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH), // DigestValueMatchCheck

            // format checking: FAILED / FORMAT_FAILURE
            Map.entry("BBB_FC_ISD_ANS", FindingCode.SIGNATURE_NOT_ONE_PER_FILE), // SignatureNotAmbiguousCheck

            // cryptographic verification
            Map.entry("BBB_CV_IRDOF_ANS", FindingCode.REFERENCE_NOT_FOUND), // ReferenceDataExistenceCheck: INDETERMINATE / SIGNED_DATA_NOT_FOUND
            Map.entry("BBB_CV_IRDOI_ANS", FindingCode.REFERENCE_DIGEST_MISMATCH), // ReferenceDataIntactCheck: FAILED / HASH_FAILURE
            Map.entry("BBB_CV_IMEDOI_ANS", FindingCode.REFERENCE_DIGEST_MISMATCH), // ReferenceDataIntactCheck, a manifest entry
            Map.entry("BBB_CV_ISI_ANS", FindingCode.SIGNATURE_VALUE_INVALID), // SignatureIntactCheck: FAILED / SIG_CRYPTO_FAILURE

            // signature acceptance, the claimed signing time: INDETERMINATE / SIG_CONSTRAINTS_FAILURE
            Map.entry("BBB_SAV_ISQPSTP_ANS", FindingCode.SIGNING_TIME_MISSING), // SigningTimeCheck
            Map.entry("BBB_SAV_ISQPSTWSCVR_ANS", FindingCode.CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE), // SigningTimeInCertificateValidityRangeCheck

            // the chain: INDETERMINATE / NO_CERTIFICATE_CHAIN_FOUND
            Map.entry("BBB_XCV_CCCBB_SIG_ANS", FindingCode.CERTIFICATE_CHAIN_UNTRUSTED), // ProspectiveCertificateChainCheck
            Map.entry("BBB_XCV_CCCBB_ANS", FindingCode.CERTIFICATE_CHAIN_UNTRUSTED), // ProspectiveCertificateChainCheck

            // revocation: INDETERMINATE / REVOKED_NO_POE (REVOKED_CA_NO_POE for a CA's certificate)
            Map.entry("BBB_XCV_ISCR_ANS", FindingCode.CERTIFICATE_REVOKED), // CertificateNotRevokedCheck
            Map.entry("ADEST_IRTPTBST_ANS", FindingCode.CERTIFICATE_REVOKED), // RevocationDateAfterBestSignatureTimeCheck

            // no acceptable revocation data: INDETERMINATE / CERTIFICATE_CHAIN_GENERAL_FAILURE
            Map.entry("BBB_XCV_IRDPFC_ANS", FindingCode.REVOCATION_MISSING), // RevocationDataAvailableCheck
            Map.entry("BBB_XCV_IARDPFC_ANS", FindingCode.REVOCATION_MISSING), // AcceptableRevocationDataAvailableCheck, CertificateRevocationSelectorResultCheck
            Map.entry("BBB_XCV_ISCUKN_ANS", FindingCode.REVOCATION_MISSING), // RevocationDataKnownCheck: an 'unknown' status
            Map.entry("BBB_XCV_REVOC_HAS_CERT_INFO_ANS", FindingCode.REVOCATION_MISSING), // RevocationHasInformationAboutCertificateCheck
            Map.entry("BBB_XCV_REVOC_AFTER_CERT_NOT_BEFORE_ANS", FindingCode.REVOCATION_MISSING), // RevocationAfterCertificateIssuanceCheck
            Map.entry("BBB_XCV_REVOC_THIS_UPDATE_PRESENT_ANS", FindingCode.REVOCATION_MISSING), // ThisUpdatePresenceCheck

            // the revocation data's issuer: INDETERMINATE / CERTIFICATE_CHAIN_GENERAL_FAILURE on the signature
            Map.entry("BBB_XCV_CCCBB_REV_ANS", FindingCode.OCSP_RESPONDER_UNTRUSTED), // ProspectiveCertificateChainCheck, revocation context
            Map.entry("BBB_XCV_REVOC_ISSUER_KNOWN_ANS", FindingCode.OCSP_RESPONDER_UNTRUSTED), // RevocationIssuerKnownCheck
            Map.entry("BBB_XCV_REVOC_ISSUER_VALID_AT_PROD_ANS", FindingCode.OCSP_RESPONDER_UNTRUSTED), // RevocationIssuerValidAtProductionTimeCheck
            Map.entry("BBB_XCV_IRDPFRC_ANS", FindingCode.OCSP_RESPONDER_STATUS_UNCHECKED), // RevocationIssuerRevocationDataAvailableCheck

            // the signer's certificate at the best-signature-time: INDETERMINATE / OUT_OF_BOUNDS_NOT_REVOKED
            Map.entry("TSV_IBSTBCEC_ANS", FindingCode.CERTIFICATE_EXPIRED), // BestSignatureTimeBeforeCertificateExpirationCheck
            Map.entry("TSV_ISCNVABST_ANS", FindingCode.CERTIFICATE_EXPIRED), // BestSignatureTimeAfterCertificateIssuanceAndBeforeCertificateExpirationCheck (past signature validation)

            // cryptographic constraints: INDETERMINATE / CRYPTO_CONSTRAINTS_FAILURE_NO_POE
            Map.entry("ASCCM_AR_ANS_ANR", FindingCode.ALGORITHM_NOT_RELIABLE), // DigestAlgorithmAtValidationTimeCheck
            Map.entry("ASCCM_AR_ANS_ANR_2", FindingCode.ALGORITHM_NOT_RELIABLE), // DigestAlgorithmAtValidationTimeCheck
            Map.entry("ASCCM_AR_ANS_AKSNR", FindingCode.ALGORITHM_NOT_RELIABLE), // SignatureAlgorithmAtValidationTimeCheck
            Map.entry("ASCCM_AR_ANS_AKSNR_2", FindingCode.ALGORITHM_NOT_RELIABLE), // SignatureAlgorithmAtValidationTimeCheck
            Map.entry("ASCCM_CAA_ANS", FindingCode.ALGORITHM_NOT_RELIABLE), // SignatureAlgorithmReliableCheck
            Map.entry("ASCCM_DAA_ANS", FindingCode.ALGORITHM_NOT_RELIABLE), // DigestAlgorithmReliableCheck
            Map.entry("ASCCM_APKSA_ANS", FindingCode.ALGORITHM_NOT_RELIABLE), // PublicKeySizeAcceptableCheck
            Map.entry("ASCCM_APKSA_ANS_2", FindingCode.ALGORITHM_NOT_RELIABLE), // PublicKeySizeAcceptableCheck
            Map.entry("ASCCM_PKSK_ANS", FindingCode.ALGORITHM_NOT_RELIABLE), // PublicKeySizeKnownCheck
            Map.entry("ACCM_ANS", FindingCode.ALGORITHM_NOT_RELIABLE)); // AlgorithmObsolescenceValidationCheck, at the best-signature-time

    private DssCodes() {
    }

    /** The allkiri code for a DSS message key, if the key names a fact allkiri has a code for. */
    static Optional<FindingCode> of(String key) {
        return Optional.ofNullable(CODES.get(key));
    }

    /** Every mapped key (for the tests that hold the map to DSS's message keys). */
    static Set<String> keys() {
        return CODES.keySet();
    }
}
