package ee.allkiri.testkit;

/**
 * The namespaces, media type and algorithm URIs the testkit writes into containers, each
 * spelled once for the module. Deliberately not taken from allkiri-asic: the forge spells the
 * standards on its own, so that a wrong constant in the verifier cannot agree with itself.
 *
 * @since 0.1.0
 */
public final class Identifiers {

    /** XML Signature (XMLDSig) namespace. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** XAdES 1.3.2 namespace. */
    public static final String XADES = "http://uri.etsi.org/01903/v1.3.2#";
    /** XAdES 1.4.1 namespace. */
    public static final String XADES141 = "http://uri.etsi.org/01903/v1.4.1#";
    /** ASiC namespace (ETSI EN 319 162-1): XAdESSignatures, ASiCManifest. */
    public static final String ASIC = "http://uri.etsi.org/02918/v1.2.1#";
    /** OpenDocument manifest namespace of {@code META-INF/manifest.xml}. */
    public static final String MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";
    /** The ASiC-E media type: the {@code mimetype} entry and the manifest's root entry. */
    public static final String ASIC_E = "application/vnd.etsi.asic-e+zip";
    /** The Type of a reference to SignedProperties. */
    public static final String SIGNED_PROPERTIES_TYPE = "http://uri.etsi.org/01903#SignedProperties";
    /** Exclusive XML Canonicalization 1.0, without comments. */
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    /** The SHA-256 digest method (XML Encryption). */
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    /** The prefix of the RFC 6931 signature method URIs ({@code ecdsa-sha256}, {@code rsa-sha384}, ...). */
    public static final String XMLDSIG_MORE = "http://www.w3.org/2001/04/xmldsig-more#";

    private Identifiers() {
    }
}
