package ee.allkiri.ocsp.internal;

import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A Bouncy Castle {@link ContentVerifierProvider} whose verifiers verify a signature once.
 * bcpkix's own ({@link JcaContentVerifierProviderBuilder}) hands out, for RSA and ECDSA, a
 * verifier that verifies the signature and then verifies it again with a raw
 * ({@code NONEwith...}) signature whose answer it drops: twice the public-key work for every
 * OCSP response and time-stamp token (9 % of a warm bundle's samples). The answer is the same:
 * one JCA {@link Signature} of the algorithm the identifier names, over the same bytes.
 * RSASSA-PSS (whose parameters this class does not set) and algorithm identifiers Bouncy Castle
 * has no name for go to bcpkix's verifier. Thread-safe: each {@link #get} makes its own verifier.
 */
public final class SingleVerifierProvider implements ContentVerifierProvider {

    private static final DefaultAlgorithmNameFinder NAMES = new DefaultAlgorithmNameFinder();

    private final PublicKey key;
    private final X509CertificateHolder certificate;
    private final Provider provider;

    private SingleVerifierProvider(PublicKey key, X509CertificateHolder certificate, Provider provider) {
        this.key = key;
        this.certificate = certificate;
        this.provider = provider;
    }

    /** Verifiers with the key (converted by the provider on each use unless it is the provider's own key). */
    public static SingleVerifierProvider of(PublicKey key, Provider provider) {
        return new SingleVerifierProvider(key, null, provider);
    }

    /** Verifiers with the certificate's key, converted once; the certificate is associated (CMS checks it). */
    public static SingleVerifierProvider of(X509CertificateHolder certificate, Provider provider)
            throws OperatorCreationException {
        try {
            PublicKey key = new JcaX509CertificateConverter().setProvider(provider).getCertificate(certificate).getPublicKey();
            return new SingleVerifierProvider(key, certificate, provider);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new OperatorCreationException("the certificate's key: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public boolean hasAssociatedCertificate() {
        return certificate != null;
    }

    @Override
    public X509CertificateHolder getAssociatedCertificate() {
        return certificate;
    }

    @Override
    public ContentVerifier get(AlgorithmIdentifier algorithm) throws OperatorCreationException {
        if (algorithm.getAlgorithm().equals(PKCSObjectIdentifiers.id_RSASSA_PSS) || !NAMES.hasAlgorithmName(algorithm.getAlgorithm())) {
            return bcpkix().get(algorithm);
        }
        Signature signature;
        try {
            signature = Signature.getInstance(NAMES.getAlgorithmName(algorithm), provider);
            signature.initVerify(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new OperatorCreationException("no verifier for " + algorithm.getAlgorithm().getId() + ": "
                    + e.getClass().getSimpleName(), e);
        }
        return new Once(algorithm, signature);
    }

    /** bcpkix's verifiers for what this class does not handle, made only then. */
    private ContentVerifierProvider bcpkix() throws OperatorCreationException {
        JcaContentVerifierProviderBuilder builder = new JcaContentVerifierProviderBuilder().setProvider(provider);
        try {
            return certificate != null ? builder.build(certificate) : builder.build(key);
        } catch (java.security.cert.CertificateException e) {
            throw new OperatorCreationException("the certificate's key: " + e.getClass().getSimpleName(), e);
        }
    }

    private record Once(AlgorithmIdentifier algorithm, Signature signature) implements ContentVerifier {

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream() {
            return new OutputStream() {
                @Override
                public void write(int b) throws java.io.IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws java.io.IOException {
                    try {
                        signature.update(bytes, offset, length);
                    } catch (SignatureException e) {
                        throw new java.io.IOException(e.getMessage(), e);
                    }
                }
            };
        }

        @Override
        public boolean verify(byte[] expected) {
            try {
                return signature.verify(expected);
            } catch (SignatureException e) {
                return false;
            }
        }
    }
}
