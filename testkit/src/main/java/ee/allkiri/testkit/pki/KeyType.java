package ee.allkiri.testkit.pki;

import ee.allkiri.testkit.Identifiers;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The key types of the test PKI, with the digest each one signs with (as SK ID Solutions pairs
 * them: P-521 with SHA-512, P-384 with SHA-384, P-256 and RSA with SHA-256).
 *
 * @since 0.1.0
 */
public enum KeyType {
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA-256", X9ObjectIdentifiers.ecdsa_with_SHA256, 32),
    EC_P384("EC", new ECGenParameterSpec("secp384r1"), "SHA-384", X9ObjectIdentifiers.ecdsa_with_SHA384, 48),
    EC_P521("EC", new ECGenParameterSpec("secp521r1"), "SHA-512", X9ObjectIdentifiers.ecdsa_with_SHA512, 66),
    RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA-256",
            PKCSObjectIdentifiers.sha256WithRSAEncryption, 0);

    private final String algorithm;
    private final AlgorithmParameterSpec spec;
    private final String digest;
    private final ASN1ObjectIdentifier signatureOid;
    private final int fieldBytes;

    KeyType(String algorithm, AlgorithmParameterSpec spec, String digest, ASN1ObjectIdentifier signatureOid, int fieldBytes) {
        this.algorithm = algorithm;
        this.spec = spec;
        this.digest = digest;
        this.signatureOid = signatureOid;
        this.fieldBytes = fieldBytes;
    }

    /** The JCA key algorithm: EC or RSA. */
    public String algorithm() {
        return algorithm;
    }

    AlgorithmParameterSpec spec() {
        return spec;
    }

    /** The JCA digest name this key signs with, e.g. {@code SHA-384}. */
    public String digest() {
        return digest;
    }

    public boolean isEc() {
        return algorithm.equals("EC");
    }

    /** Bytes in one ECDSA signature half (r or s) in the XML Signature (IEEE P1363) form; 0 for RSA. */
    public int fieldBytes() {
        return fieldBytes;
    }

    /** The X.509 / CMS signature algorithm identifier for this key with its digest. */
    public AlgorithmIdentifier signatureAlgorithm() {
        return isEc() ? new AlgorithmIdentifier(signatureOid) : new AlgorithmIdentifier(signatureOid, DERNull.INSTANCE);
    }

    /** The X.509 / CMS signature algorithm identifier for this key with another digest, e.g. {@code SHA-1}. */
    public AlgorithmIdentifier signatureAlgorithm(String digestName) {
        if (digestName.equals(digest)) {
            return signatureAlgorithm();
        }
        String d = digestName.replace("-", "");
        return new org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder()
                .find(d + (isEc() ? "WITHECDSA" : "WITHRSA"));
    }

    /**
     * The Bouncy Castle signature name. ECDSA is the deterministic variant (RFC 6979), so a
     * seed gives the same bytes on every run.
     */
    public String jcaSignature() {
        return jcaSignature(digest);
    }

    /** The Bouncy Castle signature name with another digest, e.g. {@code SHA-256}. */
    public String jcaSignature(String digestName) {
        String d = digestName.replace("-", "");
        return isEc() ? d + "WITHECDDSA" : d + "WITHRSA";
    }

    /** The XML Signature algorithm URI for ds:SignatureMethod with the key type's digest. */
    public String xmlSignatureMethod() {
        return xmlSignatureMethod(digest);
    }

    /** The XML Signature algorithm URI for ds:SignatureMethod with the given digest (RFC 6931). */
    public String xmlSignatureMethod(String digestName) {
        String d = digestName.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return Identifiers.XMLDSIG_MORE + (isEc() ? "ecdsa-" : "rsa-") + d;
    }
}
