package ee.allkiri.asic.fuzz;

/**
 * Where a mutation changes bytes: the parts of a container that a valid signature binds (signed
 * content, which no edit may change and still pass), and the validation data in its unsigned
 * properties (evidence, whose edits only the two paths' agreement judges).
 */
enum Region {
    /** The content of a data file. */
    DATA_FILE(true),
    /** ds:SignedInfo of a signature file, start tag to end tag. */
    SIGNED_INFO(true),
    /** xades:SignedProperties of a signature file, start tag to end tag. */
    SIGNED_PROPERTIES(true),
    /** The base64 text of the signer's certificate in ds:KeyInfo (only where it is the certificate's one copy). */
    SIGNER_CERTIFICATE(true),
    /** The DER of a time-stamp token (EncapsulatedTimeStamp: the signature time-stamp, or an archive one). */
    TIMESTAMP_TOKEN(false),
    /** The DER of an OCSP response in RevocationValues (EncapsulatedOCSPValue). */
    OCSP_RESPONSE(false),
    /** The DER of a certificate in CertificateValues (EncapsulatedX509Certificate). */
    CERTIFICATE_VALUES(false);

    private final boolean signed;

    Region(boolean signed) {
        this.signed = signed;
    }

    /** Whether a valid signature binds the region's bytes (else it is unsigned evidence). */
    boolean signed() {
        return signed;
    }

    /** The XAdES element whose base64 text holds the region's DER, for an evidence region. */
    String evidenceElement() {
        return switch (this) {
            case TIMESTAMP_TOKEN -> "EncapsulatedTimeStamp";
            case OCSP_RESPONSE -> "EncapsulatedOCSPValue";
            case CERTIFICATE_VALUES -> "EncapsulatedX509Certificate";
            default -> throw new IllegalStateException(this + " is signed content");
        };
    }
}
