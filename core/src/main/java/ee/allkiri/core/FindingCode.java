package ee.allkiri.core;

import static ee.allkiri.core.Severity.ERROR;
import static ee.allkiri.core.Severity.INFO;
import static ee.allkiri.core.Severity.WARNING;

/**
 * Every rule allkiri applies, with a stable code. The names are part of the public contract:
 * they appear in JSON, CSV and JUnit output and never change meaning. New rules get new codes.
 *
 * <p>Each code carries its default severity, the source clause it implements and, for
 * signature-level errors, the ETSI indication and sub-indication a failed signature gets.
 * What every code means, with its source clause, is the table {@code docs/finding-codes.md}
 * in the source tree, generated from this enum by {@code ee.allkiri.core.internal.FindingCodesDoc} (a test keeps the
 * two equal); at run time the same text is {@link #description()} and {@link #source()}.
 *
 * @since 0.1.0
 */
public enum FindingCode {

    // ---- ZIP and container structure -------------------------------------------------
    FILE_UNREADABLE(ERROR, "allkiri command line", "The file could not be read (not found, permission denied, not a file); it was not verified and counts as not valid."),
    CONTAINER_UNSUPPORTED(ERROR, "ETSI EN 319 162-1 4.3 (ASiC-S); DigiDoc DDOC 1.3", "The file is an ASiC-S container or a DigiDoc DDOC file, recognised by its content: allkiri verifies ASiC-E / BDOC only, so it was not verified."),
    NOT_A_ZIP(ERROR, "ETSI EN 319 162-1 4.4.1", "The file is not a ZIP archive."),
    ZIP_CORRUPT(ERROR, "APPNOTE 6.3.10 4.3", "The ZIP structure is damaged or truncated."),
    ZIP_UNSUPPORTED(ERROR, "ETSI EN 319 162-1 A.1", "A ZIP feature the container may not use: encryption, an unknown compression method or a multi-disk archive."),
    ZIP_HEADER_MISMATCH(ERROR, "APPNOTE 6.3.10 4.3.7", "A local file header disagrees with the central directory."),
    ENTRY_DUPLICATE(ERROR, "ETSI EN 319 162-1 A.1; BDOC 2.1 6.1", "Two entries have the same name."),
    ENTRY_DUPLICATE_CASE(ERROR, "BDOC 2.1 6.1", "Two entries differ only in upper/lower case."),
    ENTRY_NAME_UNSAFE(ERROR, "ETSI EN 319 162-1 A.1; APPNOTE 6.3.10 4.4.17", "An entry name is absolute, has a '..', '.' or empty segment, a backslash or a control character."),
    LIMIT_ENTRY_COUNT(ERROR, "allkiri limits", "The container has more entries than the configured limit."),
    LIMIT_ENTRY_SIZE(ERROR, "allkiri limits", "An entry is larger than the configured limit."),
    LIMIT_TOTAL_SIZE(ERROR, "allkiri limits", "The entries together are larger than the configured limit."),
    LIMIT_COMPRESSION_RATIO(ERROR, "allkiri limits", "An entry expands more than the configured ratio: a ZIP bomb."),
    LIMIT_TIME(ERROR, "allkiri limits", "Verifying the container took longer than the configured time budget; it was abandoned unjudged."),

    MIMETYPE_MISSING(ERROR, "ETSI EN 319 162-1 A.1; BDOC 2.1 6.1", "The container has no 'mimetype' entry (a warning for an .asice or .sce container, as SiVa has it, unless the strict mimetype option is set; always an error for .bdoc and other names)."),
    MIMETYPE_NOT_FIRST(WARNING, "ETSI EN 319 162-1 A.1", "The 'mimetype' entry is not the first in the archive (an error with the strict mimetype option)."),
    MIMETYPE_COMPRESSED(WARNING, "ETSI EN 319 162-1 A.1", "The 'mimetype' entry is compressed; it should be STORED (an error with the strict mimetype option)."),
    MIMETYPE_EXTRA_FIELD(WARNING, "ETSI EN 319 162-1 A.1", "The 'mimetype' entry has an extra field in its local header (an error with the strict mimetype option)."),
    MIMETYPE_WRONG_CONTENT(ERROR, "ETSI EN 319 162-1 A.1; BDOC 2.1 6.1", "The 'mimetype' entry is not 'application/vnd.etsi.asic-e+zip' (a warning for an .asice or .sce container, as SiVa has it, unless the strict mimetype option is set; always an error for .bdoc and other names)."),
    MIMETYPE_WRONG_NAME(ERROR, "ETSI EN 319 162-1 A.1; BDOC 2.1 6.1", "An entry is named like the 'mimetype' entry but not exactly so (other letter case, surrounding spaces); an error for every container."),
    MIMETYPE_BOM(WARNING, "ETSI EN 319 162-1 A.1", "The 'mimetype' entry starts with a UTF-8 byte order mark."),

    MANIFEST_MISSING(ERROR, "ETSI EN 319 162-1 A.1; BDOC 2.1 6.2", "The container has no META-INF/manifest.xml."),
    MANIFEST_MALFORMED(ERROR, "ODF 1.2 part 3 3.2; BDOC 2.1 6.2", "META-INF/manifest.xml is not a well-formed ODF manifest (or declares a DTD)."),
    MANIFEST_ROOT_ENTRY(WARNING, "ODF 1.2 part 3 3.2", "The manifest's '/' entry is missing or has a media type other than the container's."),
    MANIFEST_ENTRY_NOT_IN_CONTAINER(ERROR, "BDOC 2.1 6.2", "The manifest lists a file the container does not have."),
    DATA_FILE_NOT_IN_MANIFEST(ERROR, "BDOC 2.1 6.2", "A data file is missing from the manifest."),
    MANIFEST_MIME_TYPE_MISMATCH(ERROR, "BDOC 2.1 6.2; ETSI EN 319 132-1 5.2.4", "The manifest's media type for a file differs from the signature's DataObjectFormat."),
    DATA_FILE_UNSIGNED(ERROR, "BDOC 2.1 6.1; ETSI EN 319 162-1 4.4.3", "A data file is not covered by any signature."),
    DATA_FILE_EMPTY(WARNING, "BDOC 2.1 6.1", "A data file is empty."),
    NO_DATA_FILES(ERROR, "ETSI EN 319 162-1 4.4.3", "The container has signatures but no data file."),
    NO_SIGNATURES(ERROR, "ETSI EN 319 162-1 4.4.3", "The container has no signature."),
    META_INF_UNKNOWN_ENTRY(WARNING, "ETSI EN 319 162-1 A.1", "META-INF holds an entry that is neither the manifest nor a signature."),

    // ---- one signature: XML and references -------------------------------------------
    SIGNATURE_XML_MALFORMED(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "W3C XMLDSig 4; ETSI EN 319 132-1 4", "The signature file is not well-formed XAdES (or declares a DTD)."),
    SIGNATURE_NOT_ONE_PER_FILE(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "BDOC 2.1 6.3", "A signature file holds no signature or more than one."),
    SIGNED_PROPERTIES_REFERENCE(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 132-1 6.3", "SignedInfo lacks exactly one Reference to the SignedProperties."),
    SIGNED_PROPERTIES_MULTIPLE(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 132-1 4.3", "The signature has more than one SignedProperties element."),
    REFERENCE_NOT_FOUND(ERROR, Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND,
            "W3C XMLDSig 4.4.3; ETSI EN 319 102-1 5.2.8", "A Reference points at a file the container does not have."),
    REFERENCE_DIGEST_MISMATCH(ERROR, Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE,
            "W3C XMLDSig 3.2.1", "A signed data file or property was changed after signing."),
    SIGNATURE_VALUE_INVALID(ERROR, Indication.TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE,
            "W3C XMLDSig 3.2.2", "The signature value does not verify with the signer's key."),
    SIGNATURE_INCOMPLETE_COVERAGE(ERROR, Indication.TOTAL_FAILED, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "BDOC 2.1 6.1", "The signature does not cover every data file of the container."),
    SIGNING_CERTIFICATE_MISSING(ERROR, Indication.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
            "ETSI EN 319 132-1 5.2.2", "The signer's certificate is not in the signature or does not match SigningCertificate."),
    SIGNING_CERTIFICATE_DIGEST_MISMATCH(ERROR, Indication.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
            "ETSI EN 319 132-1 5.2.2", "The SigningCertificate digest names another certificate than the one in KeyInfo."),
    SIGNATURE_STRUCTURE_INVALID(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "W3C XMLDSig 4 (schema); ETSI EN 319 132-1 4.3, 4.4", "An element of the signature is not in its place in the XMLDSig and XAdES structure: QualifyingProperties not SignedProperties then UnsignedProperties, a property outside its container, an unknown element, or twice an element allowed once."),
    REFERENCE_UNSUPPORTED(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "W3C XMLDSig 4.4.3; BDOC 2.1 6.3", "A Reference cannot be resolved to exactly one data file of the container or to the SignedProperties (no URI, transforms on a file reference, another same-document target, or an unknown algorithm)."),
    SIGNATURE_UNPROCESSABLE(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 102-1 5.2.2", "The validation engine could not process the signature's structure (e.g. an element XAdES allows once appears twice); it is refused."),
    SIGNATURE_CMS_MALFORMED(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 122-1 4; RFC 5652 5", "A CAdES signature file (META-INF/*signature*.p7s) is not one detached CMS SignedData with one signer."),
    ASIC_MANIFEST_MISSING(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 162-1 4.4.4.2, A.4", "No ASiCManifest, or more than one, names the CAdES signature file in its SigReference: what it signs is unknown."),
    ASIC_MANIFEST_MALFORMED(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 162-1 A.4", "The ASiCManifest a CAdES signature signs is not well-formed (or declares a DTD), or lacks its SigReference, a DataObjectReference's URI, digest method or digest value, or names a file twice."),
    CERTIFICATE_NON_DER(WARNING, "ITU-T X.690 8.3.2", "A certificate has a non-minimal INTEGER encoding; accepted because its signature covers the exact bytes."),
    ALGORITHM_NOT_RELIABLE(ERROR, Indication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE,
            "ETSI TS 119 312; ETSI EN 319 102-1 5.2.8", "An algorithm or key size was no longer reliable at the time it was proven to be used."),
    KEY_USAGE_NON_REPUDIATION(ERROR, Indication.TOTAL_FAILED, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
            "BDOC 2.1 5.2; ETSI EN 319 412-2 4.3.2", "The signer's certificate lacks the nonRepudiation key usage."),
    SIGNER_CERTIFICATE_CRITICAL_EXTENSION(ERROR, Indication.TOTAL_FAILED, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
            "RFC 5280 4.2", "The signer's certificate has a critical extension allkiri does not know; it must be rejected."),
    SIGNER_CERTIFICATE_CA(ERROR, Indication.TOTAL_FAILED, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
            "RFC 5280 4.2.1.9; ETSI EN 319 412-2 4.3.2", "The signer's certificate is a CA certificate (basicConstraints cA=true), not an end entity's."),
    SIGNER_CERTIFICATE_EXTENDED_KEY_USAGE(ERROR, Indication.TOTAL_FAILED, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
            "RFC 5280 4.2.1.12", "The signer's certificate has an extended key usage that does not allow signing documents (e.g. only clientAuth, or time-stamping or OCSP signing)."),

    // ---- trust and revocation ---------------------------------------------------------
    CERTIFICATE_CHAIN_UNTRUSTED(ERROR, Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
            "ETSI EN 319 102-1 5.2.6", "No chain from the signer's certificate to a trust anchor."),
    CERTIFICATE_REVOKED(ERROR, Indication.INDETERMINATE, SubIndication.REVOKED_NO_POE,
            "ETSI EN 319 102-1 5.2.6, 5.5.4", "The signer's certificate was revoked, and the signature is not proven to exist before the revocation time."),
    CERTIFICATE_EXPIRED(ERROR, Indication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NOT_REVOKED,
            "ETSI EN 319 102-1 5.2.6", "The signer's certificate was not valid at the signing time."),
    REVOCATION_MISSING(ERROR, Indication.INDETERMINATE, SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
            "BDOC 2.1 5.3; ETSI EN 319 132-1 5.4", "The signature carries no usable OCSP response for the signer's certificate."),
    OCSP_STATUS_REVOKED(ERROR, Indication.TOTAL_FAILED, SubIndication.REVOKED,
            "RFC 6960 2.2", "The OCSP response says the signer's certificate is revoked."),
    OCSP_STATUS_UNKNOWN(ERROR, Indication.TOTAL_FAILED, SubIndication.REVOKED,
            "RFC 6960 2.2", "The OCSP response says the signer's certificate is unknown to the responder."),
    OCSP_RESPONSE_INVALID(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 4.2.1", "An OCSP response cannot be parsed, or is not a successful basic response."),
    OCSP_RESPONDER_UNTRUSTED(ERROR, Indication.INDETERMINATE, SubIndication.CERTIFICATE_CHAIN_GENERAL_FAILURE,
            "RFC 6960 4.2.2.2", "The OCSP responder's certificate is nowhere to be found, leads to no trust anchor, or was not valid when it signed the response."),
    OCSP_CERT_ID_MISMATCH(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 3.2 (1), 4.1.1", "The OCSP response is not about the certificate: no SingleResponse has its serial number and its issuer's name and key hashes."),
    OCSP_SIGNATURE_INVALID(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 3.2 (2), 4.2.1", "The OCSP response's signature does not verify with the responder's key."),
    OCSP_RESPONDER_NOT_AUTHORIZED(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 4.2.2.2", "The OCSP response is signed by neither the certificate's issuer, nor a responder that issuer delegated with id-kp-OCSPSigning, nor a locally trusted responder."),
    OCSP_RESPONDER_STATUS_UNCHECKED(WARNING, "RFC 6960 4.2.2.2.1",
            "A delegated OCSP responder's certificate has no id-pkix-ocsp-nocheck extension, and its own revocation status was not checked."),
    OCSP_OUT_OF_WINDOW(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 3.2 (4, 5), 4.2.2.1", "The OCSP response's producedAt, thisUpdate or nextUpdate lies outside the allowed window: from the future, stale, or past its nextUpdate."),
    OCSP_REVOKED_AFTER_SIGNING(WARNING, "ETSI EN 319 102-1 5.2.6",
            "The OCSP response says the certificate was revoked, but after the proven signing time."),
    OCSP_NONCE_MISSING(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 4.4.1; RFC 8954", "The online OCSP response does not echo the request's nonce, so it may be a replay."),
    OCSP_NONCE_MISMATCH(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 4.4.1", "The online OCSP response's nonce differs from the request's, so it may be a replay."),
    OCSP_RESPONSE_TOO_LARGE(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "allkiri limits", "The OCSP responder sent more than the configured maximum response size."),
    OCSP_NO_RESPONDER(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 5280 4.2.2.1; allkiri allow-list", "No OCSP responder is configured for the certificate's issuer, and the responder its AIA names is not allow-listed."),
    REVOCATION_UNAVAILABLE(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 2.3; ETSI EN 319 102-1 5.2.6", "The OCSP responder could not be reached, did not answer in time, or answered with an HTTP error or tryLater."),
    REVOCATION_CHECKED_ONLINE(INFO, "ETSI EN 319 102-1 5.2.6",
            "The signature carries no revocation data; the signer's certificate status was obtained online at verification time."),
    OCSP_RESPONSES_CONTRADICT(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "RFC 6960 2.2; ETSI EN 319 102-1 5.2.6", "The signature's OCSP responses about the signer's certificate disagree (good in one, revoked or unknown in another)."),
    OCSP_BEFORE_TIMESTAMP(ERROR, Indication.INDETERMINATE, SubIndication.TIMESTAMP_ORDER_FAILURE,
            "BDOC 2.1 5.3; ETSI EN 319 132-1 5.4", "The OCSP response was produced before the signature time-stamp."),
    OCSP_NOT_FRESH(WARNING, "BDOC 2.1 5.3 (15 minutes)", "The OCSP response was produced more than 15 minutes (and at most 24 hours) after the signature time-stamp."),
    OCSP_TOO_LATE_AFTER_TIMESTAMP(ERROR, Indication.TOTAL_FAILED, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "BDOC 2.1 5.3; SiVa and digidoc4j revocation freshness (24 hours)", "The OCSP response was produced more than 24 hours after the signature time-stamp: it does not show the certificate good when the signature was made."),

    // ---- BDOC time-mark ----------------------------------------------------------------
    TM_POLICY_IDENTIFIER(ERROR, Indication.TOTAL_FAILED, SubIndication.POLICY_PROCESSING_ERROR,
            "BDOC 2.1 5.1", "A time-mark signature does not name the BDOC 2.1 policy 1.3.6.1.4.1.10015.1000.3.2.1."),
    TM_POLICY_SPURI_MISSING(ERROR, Indication.TOTAL_FAILED, SubIndication.POLICY_PROCESSING_ERROR,
            "BDOC 2.1 5.1", "A time-mark signature's policy has no SPURI qualifier."),
    TM_POLICY_IMPLIED(ERROR, Indication.TOTAL_FAILED, SubIndication.POLICY_PROCESSING_ERROR,
            "BDOC 2.1 5.1", "A time-mark signature declares SignaturePolicyImplied."),
    TM_POLICY_WITH_TIMESTAMP(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "BDOC 2.1 5.1; SiVa (invalid signature format for BDOC policy)", "A signature names the BDOC time-mark policy 1.3.6.1.4.1.10015.1000.3.2.1 but its long-term evidence is time-stamp based (T, LT or LTA): the policy requires a time-mark."),
    TM_OCSP_NONCE_MISSING(ERROR, Indication.TOTAL_FAILED, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "BDOC 2.1 5.3", "The time-mark OCSP response has no nonce."),
    TM_OCSP_NONCE_MISMATCH(ERROR, Indication.TOTAL_FAILED, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "BDOC 2.1 5.3", "The time-mark OCSP nonce is not the DigestInfo of the signature value's digest."),
    TM_RESPONDER_NOT_ALLOWED(ERROR, Indication.TOTAL_FAILED, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "BDOC 2.1 5.3", "The time-mark OCSP responder is not one allowed to issue time-marks."),

    // ---- time-stamps -------------------------------------------------------------------
    TIMESTAMP_INVALID(ERROR, Indication.INDETERMINATE, SubIndication.NO_POE,
            "ETSI EN 319 132-1 5.3; RFC 3161", "The signature time-stamp does not match the signature value or its token is damaged."),
    TIMESTAMP_UNTRUSTED(ERROR, Indication.INDETERMINATE, SubIndication.NO_POE,
            "ETSI EN 319 102-1 5.4", "The time-stamping authority is not trusted."),
    TIMESTAMP_MULTIPLE_TOKENS(ERROR, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE,
            "ETSI EN 319 132-1 5.3", "A SignatureTimeStamp holds more than one time-stamp token."),
    SIGNED_AFTER_VALIDATION_TIME(ERROR, Indication.INDETERMINATE, SubIndication.NO_POE,
            "ETSI EN 319 102-1 5.6.2", "The signature's time-stamp or time-mark is later than the validation time: at that time the signature did not exist."),
    CONTENT_TIMESTAMP_INVALID(ERROR, Indication.INDETERMINATE, SubIndication.NO_POE,
            "ETSI EN 319 132-1 5.2.8, 5.2.9; RFC 3161", "A content time-stamp (AllDataObjectsTimeStamp or IndividualDataObjectsTimeStamp) does not match the signed data, its token is damaged, or its authority is not trusted."),
    SIGNING_TIME_OUTSIDE_CERTIFICATE(WARNING, "BDOC 2.1 5.2, 5.3; ETSI EN 319 132-1 5.2.1", "A time-mark (LT_TM) signature's claimed SigningTime lies outside the signer certificate's validity; the time-mark is the proof of the signing time and the certificate is judged at it, so the claim is only reported."),
    SIGNING_TIME_AFTER_PROOF(WARNING, "ETSI EN 319 132-1 5.2.1", "The claimed SigningTime is more than a minute later than the time-stamp or time-mark that proves the signature existed: the claim is false."),
    SIGNING_TIME_MISSING(ERROR, Indication.INDETERMINATE, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "ETSI EN 319 132-1 6.3; ETSI EN 319 122-1 6.3", "The signature claims no signing time (no xades:SigningTime, no CMS signing-time attribute); a baseline signature must."),
    CLAIMED_SIGNING_TIME_OUTSIDE_CERTIFICATE(ERROR, Indication.INDETERMINATE, SubIndication.SIG_CONSTRAINTS_FAILURE,
            "ETSI EN 319 102-1 5.2.8; ETSI EN 319 132-1 5.2.1", "The signature's claimed signing time (xades:SigningTime, CMS signing-time) lies outside the signer certificate's validity; the signature acceptance validation rejects it. For a BDOC time-mark signature the same claim is SIGNING_TIME_OUTSIDE_CERTIFICATE, a warning."),
    TIMESTAMP_NOT_QUALIFIED(WARNING, "eIDAS 910/2014 art. 42; ETSI TS 119 615",
            "Trusted lists do not show the signature time-stamp's authority as a qualified time-stamping service at the time-stamp's time."),
    TIMESTAMP_EXCLUSIVE_C14N(WARNING, Indication.INDETERMINATE, SubIndication.NO_POE, "ETSI EN 319 132-1 5.3; undersign",
            "The signature time-stamp names no canonicalization method but its imprint is over the exclusive canonical form of SignatureValue; accepted (an error with the strict time-stamp option)."),

    // ---- signature policy and level ----------------------------------------------------
    POLICY_IMPLIED(WARNING, "ETSI EN 319 132-1 5.2.9", "The signature declares SignaturePolicyImplied."),
    PROFILE_NOT_LONG_TERM(ERROR, Indication.INDETERMINATE, SubIndication.TRY_LATER,
            "BDOC 2.1 5; ETSI EN 319 132-1 6.3", "The signature is B or T level: it carries no long-term validation data."),
    NOT_QUALIFIED(WARNING, Indication.TOTAL_FAILED, SubIndication.CHAIN_CONSTRAINTS_FAILURE,
            "eIDAS 910/2014 art. 25(2); ETSI TS 119 615; ETSI EN 319 102-1", "Trusted lists show the signature is not a qualified electronic signature or seal (e.g. ADESIG_QC, ADESEAL_QC, ADESIG): valid as an advanced signature, with the indication the validation gives; an error (TOTAL_FAILED) with the require-qualified option; the audit does not count it."),

    // ---- the signer ---------------------------------------------------------------------
    PERSONAL_CODE_CHECKSUM(WARNING, "EVS 585:2007", "The signer's Estonian personal code has a wrong check digit or date."),
    TEST_CERTIFICATE(INFO, "SK test PKI", "The signer's certificate comes from a TEST chain."),

    // ---- general -----------------------------------------------------------------------
    VALIDATION_FAILED(ERROR, Indication.TOTAL_FAILED, SubIndication.CUSTOM,
            "ETSI EN 319 102-1 5", "The ETSI validation process did not pass; see the sub-indication."),
    TRUST_LIST_STALE(WARNING, "ETSI TS 119 612 5.3.15", "A trusted list used was past its next update at the validation time.");

    private final Severity defaultSeverity;
    private final Indication indication;
    private final SubIndication subIndication;
    private final String source;
    private final String description;

    FindingCode(Severity severity, String source, String description) {
        this(severity, severity == ERROR ? Indication.TOTAL_FAILED : null, null, source, description);
    }

    FindingCode(Severity severity, Indication indication, SubIndication subIndication, String source, String description) {
        this.defaultSeverity = severity;
        this.indication = indication;
        this.subIndication = subIndication;
        this.source = source;
        this.description = description;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The indication a signature gets when this finding is an error on it; {@code null} for non-errors. */
    public Indication indication() {
        return indication == null ? Indication.TOTAL_FAILED : indication;
    }

    /** The ETSI sub-indication that goes with {@link #indication()}, or {@code null}. */
    public SubIndication subIndication() {
        return subIndication;
    }

    /** The clause of the specification the rule comes from. */
    public String source() {
        return source;
    }

    /** What the code means, in one sentence. */
    public String description() {
        return description;
    }
}
