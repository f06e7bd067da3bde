package ee.allkiri.asic.fuzz;

/** Where a signed-content mutation changes bytes: parts of a container that a valid signature binds. */
enum Region {
    /** The content of a data file. */
    DATA_FILE,
    /** ds:SignedInfo of the first signature file, start tag to end tag. */
    SIGNED_INFO,
    /** xades:SignedProperties of the first signature file, start tag to end tag. */
    SIGNED_PROPERTIES,
    /** The base64 text of the signer's certificate in ds:KeyInfo (only where it is the certificate's one copy). */
    SIGNER_CERTIFICATE
}
