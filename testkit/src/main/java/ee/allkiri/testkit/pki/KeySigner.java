package ee.allkiri.testkit.pki;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.operator.ContentSigner;

/**
 * A private key with its type, able to sign: DER signatures for certificates, OCSP responses
 * and CMS, and the IEEE P1363 form (r || s) that XML Signature uses for ECDSA. Deterministic
 * for ECDSA (RFC 6979). Immutable and thread-safe; each signature gets its own JCA object.
 *
 * @since 0.1.0
 */
public final class KeySigner {

    private final PrivateKey key;
    private final KeyType type;
    private final Provider provider;

    public KeySigner(PrivateKey key, KeyType type, Provider provider) {
        this.key = key;
        this.type = type;
        this.provider = provider;
    }

    public KeyType type() {
        return type;
    }

    public PrivateKey privateKey() {
        return key;
    }

    /** A DER-encoded signature (X.509 / CMS / OCSP form) with the key type's digest. */
    public byte[] signDer(byte[] data) {
        return signDer(data, type.digest());
    }

    private byte[] signDer(byte[] data, String digest) {
        try {
            Signature signature = Signature.getInstance(type.jcaSignature(digest), provider);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with a " + type + " key failed", e);
        }
    }

    /** A signature in the XML Signature form (r || s for ECDSA, PKCS#1 v1.5 for RSA) with the key type's digest. */
    public byte[] signXml(byte[] data) {
        return signXml(data, type.digest());
    }

    /** A signature in the XML Signature form with the given digest, e.g. {@code SHA-256}. */
    public byte[] signXml(byte[] data, String digest) {
        byte[] der = signDer(data, digest);
        if (!type.isEc()) {
            return der;
        }
        ASN1Sequence sequence = ASN1Sequence.getInstance(der);
        byte[] out = new byte[2 * type.fieldBytes()];
        put(ASN1Integer.getInstance(sequence.getObjectAt(0)).getPositiveValue(), out, 0, type.fieldBytes());
        put(ASN1Integer.getInstance(sequence.getObjectAt(1)).getPositiveValue(), out, type.fieldBytes(), type.fieldBytes());
        return out;
    }

    private static void put(BigInteger value, byte[] out, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > length ? bytes.length - length : 0;
        System.arraycopy(bytes, skip, out, offset + length - (bytes.length - skip), bytes.length - skip);
    }

    /** A Bouncy Castle content signer over this key, for certificate, OCSP and CMS builders. */
    public ContentSigner contentSigner() {
        return contentSigner(type.digest());
    }

    /**
     * A Bouncy Castle content signer over this key with another digest than the key type's,
     * e.g. {@code SHA-1} for evidence signed with an algorithm past its sunset.
     */
    public ContentSigner contentSigner(String digest) {
        AlgorithmIdentifier algorithm = type.signatureAlgorithm(digest);
        return new ContentSigner() {
            private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

            @Override
            public AlgorithmIdentifier getAlgorithmIdentifier() {
                return algorithm;
            }

            @Override
            public OutputStream getOutputStream() {
                return buffer;
            }

            @Override
            public byte[] getSignature() {
                byte[] signature = signDer(buffer.toByteArray(), digest);
                buffer.reset();
                return signature;
            }
        };
    }
}
