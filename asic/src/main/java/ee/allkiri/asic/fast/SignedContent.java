package ee.allkiri.asic.fast;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.spi.DSSASN1Utils;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * The XMLDSig core check for the fast path: every reference's digest (files digested once per
 * container, SignedProperties canonicalized in place) and the signature value over the
 * canonical SignedInfo, with the signer's key. True only when all of it holds.
 */
public final class SignedContent {

    private final Provider provider;

    public SignedContent(Provider provider) {
        this.provider = provider;
    }

    /**
     * @param shape     the signature's shape
     * @param signer    the signer's certificate (from KeyInfo)
     * @param documents data files by entry name
     * @param decode    turns a reference URI into an entry name (null when it names none)
     */
    public boolean verify(Shape shape, X509Certificate signer, Map<String, DSSDocument> documents,
                          Function<String, String> decode) {
        try {
            for (Shape.FileReference ref : shape.files()) {
                String name = decode.apply(ref.uri());
                DSSDocument document = name == null ? null : documents.get(name);
                if (document == null) {
                    return false;
                }
                byte[] digest = document.getDigestValue(DigestAlgorithm.forXML(ref.digestMethod()));
                if (!MessageDigest.isEqual(digest, ref.digest())) {
                    return false;
                }
            }
            byte[] properties = canonical(shape.propertiesC14n(), shape.signedProperties());
            byte[] propertiesDigest = MessageDigest.getInstance(Algorithms.DIGESTS.get(shape.propertiesDigestMethod()))
                    .digest(properties);
            if (!MessageDigest.isEqual(propertiesDigest, shape.propertiesDigest())) {
                return false;
            }
            String algorithm = Algorithms.SIGNATURES.get(shape.signatureMethod());
            Signature verifier = Signature.getInstance(algorithm, provider);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(canonical(shape.c14nMethod(), shape.signedInfo()));
            byte[] value = shape.signatureValueBytes();
            return verifier.verify(Algorithms.isEcdsa(algorithm) ? DSSASN1Utils.toStandardDSASignatureValue(value) : value);
        } catch (Exception e) {
            return false;
        }
    }

    /** The canonical form of an element in its document; the default is inclusive c14n. */
    public static byte[] canonical(String method, Element element) {
        return XMLCanonicalizer.createInstance(method).canonicalize(element);
    }
}
