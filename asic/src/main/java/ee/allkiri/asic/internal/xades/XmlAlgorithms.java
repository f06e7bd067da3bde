package ee.allkiri.asic.internal.xades;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The XMLDSig algorithms allkiri's own signed-content check computes, by URI: a closed list.
 * An algorithm not on it cannot be checked, so a signature using it is refused (fail closed);
 * whether an algorithm on it was still reliable when it was used is the validation policy's
 * question, not this table's. Stateless.
 */
public final class XmlAlgorithms {

    /** Digest methods (W3C XMLDSig 6.2, RFC 6931 2.1) to JCA names. */
    private static final Map<String, String> DIGESTS = Map.ofEntries(
            Map.entry("http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#sha224", "SHA-224"),
            Map.entry("http://www.w3.org/2001/04/xmlenc#sha256", "SHA-256"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384"),
            Map.entry("http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha3-224", "SHA3-224"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha3-256", "SHA3-256"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha3-384", "SHA3-384"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha3-512", "SHA3-512"));

    /** Signature methods (W3C XMLDSig 6.4, RFC 6931 2.3) to Bouncy Castle JCA names. */
    private static final Map<String, String> SIGNATURES = Map.ofEntries(
            Map.entry("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "SHA1withRSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha224", "SHA224withRSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "SHA256withRSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha224-rsa-MGF1", "SHA224withRSAandMGF1"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1", "SHA256withRSAandMGF1"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha384-rsa-MGF1", "SHA384withRSAandMGF1"),
            Map.entry("http://www.w3.org/2007/05/xmldsig-more#sha512-rsa-MGF1", "SHA512withRSAandMGF1"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", "SHA1withPLAIN-ECDSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224", "SHA224withPLAIN-ECDSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "SHA256withPLAIN-ECDSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "SHA384withPLAIN-ECDSA"),
            Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "SHA512withPLAIN-ECDSA"));

    /** Canonicalization methods (W3C XMLDSig 6.5). */
    public static final Set<String> CANONICALIZATIONS = Set.of(
            Xades.INCLUSIVE_C14N,
            "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments",
            Xades.EXCLUSIVE_C14N,
            "http://www.w3.org/2001/10/xml-exc-c14n#WithComments",
            "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");

    private XmlAlgorithms() {
    }

    /** The JCA digest name of a DigestMethod URI, if allkiri computes it. */
    public static Optional<String> digest(String uri) {
        return Optional.ofNullable(uri == null ? null : DIGESTS.get(uri));
    }

    /** The JCA signature name of a SignatureMethod URI (ECDSA values as r||s), if allkiri verifies it. */
    public static Optional<String> signature(String uri) {
        return Optional.ofNullable(uri == null ? null : SIGNATURES.get(uri));
    }
}
