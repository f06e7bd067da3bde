package ee.allkiri.testkit.xades;

/**
 * How the signature names its parts.
 *
 * @since 0.1.0
 */
public enum IdStyle {
    /** As DSS and digidoc4j write them: {@code id-<hex>}, {@code r-id-<hex>-1}, {@code xades-id-<hex>}; files first. */
    DSS,
    /**
     * As undersign (rahvaalgatus) writes them: every signature {@code Id="signature"},
     * {@code signed-properties}, {@code file-0}; the SignedProperties reference first; no
     * CertificateValues.
     */
    UNDERSIGN
}
