package ee.allkiri.testkit.forge;

import static ee.allkiri.core.FindingCode.*;
import static ee.allkiri.core.Indication.INDETERMINATE;
import static ee.allkiri.core.Indication.TOTAL_FAILED;
import static ee.allkiri.core.Indication.TOTAL_PASSED;

import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import java.util.Set;

/**
 * The containers {@link ContainerForge} makes: valid ones of each level and shape, and the
 * defect catalogue. Each carries what a verifier should conclude: the container's indication
 * and the finding codes it must report (on the container or a signature). Warnings and
 * information do not fail a container, so some variants are TOTAL_PASSED with a code.
 *
 * @since 0.1.0
 */
public enum Variant {
    VALID_LT("ASiC-E with one XAdES LT signature (ID-card)", TOTAL_PASSED),
    VALID_LTA("ASiC-E with one XAdES LTA signature", TOTAL_PASSED),
    VALID_TM("BDOC with one LT-TM (time-mark) signature", TOTAL_PASSED),
    VALID_MULTI_SIGNATURE("ID-card, digi-ID, e-resident, Mobile-ID, Smart-ID, old ID-card and e-seal signatures", TOTAL_PASSED),
    VALID_TWO_FILES("one signature over two data files", TOTAL_PASSED),
    B_LEVEL("an XAdES B signature: no time-stamp, no OCSP", INDETERMINATE, PROFILE_NOT_LONG_TERM),
    T_LEVEL("an XAdES T signature: time-stamp but no OCSP", INDETERMINATE, PROFILE_NOT_LONG_TERM),

    DATA_FILE_ALTERED("the data file changed after signing", TOTAL_FAILED, REFERENCE_DIGEST_MISMATCH),
    MANIFEST_ABSENT("no META-INF/manifest.xml", TOTAL_FAILED, MANIFEST_MISSING),
    MANIFEST_MISSING_ENTRY("the manifest does not list the data file", TOTAL_FAILED, DATA_FILE_NOT_IN_MANIFEST),
    MANIFEST_WRONG_ENTRY("the manifest gives the data file another media type than the signature",
            TOTAL_FAILED, MANIFEST_MIME_TYPE_MISMATCH),
    MANIFEST_EXTRA_ENTRY("the manifest lists a file the container does not have", TOTAL_FAILED,
            MANIFEST_ENTRY_NOT_IN_CONTAINER),
    MIMETYPE_WRONG("mimetype says application/zip (in an .asice: a warning, as SiVa has it)", TOTAL_PASSED,
            MIMETYPE_WRONG_CONTENT),
    MIMETYPE_DEFLATED("mimetype is compressed", TOTAL_PASSED, MIMETYPE_COMPRESSED),
    MIMETYPE_NOT_FIRST_ENTRY("mimetype is not the first entry", TOTAL_PASSED, MIMETYPE_NOT_FIRST),
    UNSIGNED_EXTRA_FILE("a data file no signature covers", TOTAL_FAILED, DATA_FILE_UNSIGNED, SIGNATURE_INCOMPLETE_COVERAGE),
    SIGNATURE_OVER_OTHER_DOCUMENT("a signature made over another document, put in this container", TOTAL_FAILED,
            REFERENCE_NOT_FOUND, DATA_FILE_UNSIGNED),
    SIGNATURE_VALUE_BROKEN("the signature value does not verify", TOTAL_FAILED, SIGNATURE_VALUE_INVALID),
    REVOKED_SIGNER("the signer's certificate was revoked before signing", TOTAL_FAILED, OCSP_STATUS_REVOKED),
    EXPIRED_SIGNER("the signer's certificate expired before signing", INDETERMINATE, CERTIFICATE_EXPIRED),
    NOT_YET_VALID_SIGNER("the signer's certificate was not yet valid at signing", INDETERMINATE, CERTIFICATE_EXPIRED),
    OCSP_BEFORE_TIME_STAMP("the OCSP response was produced before the time-stamp", INDETERMINATE, OCSP_BEFORE_TIMESTAMP),
    OCSP_LATE("the OCSP response came 20 minutes after the time-stamp", TOTAL_PASSED, OCSP_NOT_FRESH),
    OCSP_NONCE_WRONG("the time-mark nonce binds another signature value", TOTAL_FAILED, TM_OCSP_NONCE_MISMATCH),
    OCSP_NONCE_ABSENT("the time-mark OCSP response has no nonce", TOTAL_FAILED, TM_OCSP_NONCE_MISSING),
    TIME_MARK_BY_AIA_RESPONDER("a time-mark from a responder not allowed to issue them", TOTAL_FAILED,
            TM_RESPONDER_NOT_ALLOWED),
    TIME_MARK_POLICY_WITHOUT_SPURI("a time-mark signature's policy lacks SPURI", TOTAL_FAILED, TM_POLICY_SPURI_MISSING),
    UNAUTHORIZED_OCSP_RESPONDER("the OCSP response is signed by a responder the signer's CA did not authorize",
            INDETERMINATE, OCSP_RESPONDER_NOT_AUTHORIZED),
    UNTRUSTED_TSA("the time-stamp comes from a TSA nobody trusts", INDETERMINATE, TIMESTAMP_UNTRUSTED),
    TIMESTAMP_IMPRINT_WRONG("the time-stamp is over something else than the signature value", INDETERMINATE,
            TIMESTAMP_INVALID),
    TIMESTAMP_WITHOUT_C14N("the time-stamp names no canonicalization but is over the exclusive form (undersign)",
            TOTAL_PASSED, TIMESTAMP_EXCLUSIVE_C14N),
    SIGNING_CERTIFICATE_DIGEST_WRONG("SigningCertificate's digest names another certificate", INDETERMINATE,
            SIGNING_CERTIFICATE_DIGEST_MISMATCH),
    DUPLICATE_SIGNATURE_FILE("two entries named META-INF/signatures0.xml", TOTAL_FAILED, ENTRY_DUPLICATE),
    ZIP_BOMB("an entry that inflates a thousandfold", TOTAL_FAILED, LIMIT_COMPRESSION_RATIO),
    XML_WITH_DTD("the signature file declares a DTD", TOTAL_FAILED, SIGNATURE_XML_MALFORMED),
    AUTHENTICATION_CERTIFICATE("signed with a certificate without nonRepudiation", TOTAL_FAILED, KEY_USAGE_NON_REPUDIATION),
    TEST_SIGNER("the signer's certificate comes from the TEST CA", TOTAL_PASSED, TEST_CERTIFICATE),
    PERSONAL_CODE_BAD_CHECKSUM("the signer's personal code has a wrong check digit", TOTAL_PASSED, PERSONAL_CODE_CHECKSUM),
    VALID_CADES_LT("ASiC-E with one CAdES LT signature over an ASiCManifest (ETSI EN 319 162-1 4.4.4.2)", TOTAL_PASSED),
    CADES_DATA_FILE_ALTERED("a CAdES signature's data file changed after signing (its ASiCManifest digest no longer matches)",
            TOTAL_FAILED, REFERENCE_DIGEST_MISMATCH);

    private final String description;
    private final Indication indication;
    private final Set<FindingCode> codes;

    Variant(String description, Indication indication, FindingCode... codes) {
        this.description = description;
        this.indication = indication;
        this.codes = Set.of(codes);
    }

    public String description() {
        return description;
    }

    /** The container's intended indication. */
    public Indication indication() {
        return indication;
    }

    /** Codes the verifier must report for this variant (others may accompany them). */
    public Set<FindingCode> codes() {
        return codes;
    }

    /** The file name the forge writes the variant to. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + (this == VALID_TM || name().startsWith("OCSP_NONCE")
                || name().startsWith("TIME_MARK") ? ".bdoc" : ".asice");
    }
}
