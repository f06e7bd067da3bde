package ee.allkiri.asic.internal.fast;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.bouncycastle.util.Selector;

/**
 * An RFC 3161 signature time-stamp for the fast path: its imprint, its token signature, and a
 * time-stamping unit that is itself a trust anchor (so that no revocation data is needed for
 * it, as DSS's policy requires). Anything it cannot settle is a miss, never a failure.
 */
public final class TimestampCheck {

    /** A time-stamp that checked out. */
    public record Good(Instant genTime, X509Certificate unit, String digestAlgorithm, byte[] imprint) {
    }

    private final Anchors anchors;
    private final Provider provider;
    /** One verifier per time-stamping unit, so its key (and the provider's precomputation) is reused. */
    private final java.util.Map<X509CertificateHolder, org.bouncycastle.cms.SignerInformationVerifier> verifiers =
            new java.util.concurrent.ConcurrentHashMap<>();

    public TimestampCheck(Anchors anchors, Provider provider) {
        this.anchors = anchors;
        this.provider = provider;
    }

    /**
     * Verifies the token over the given canonical SignatureValue bytes. The imprint is checked
     * by the caller against the canonical form it chose; this checks the token and its unit.
     */
    public Optional<Good> verify(byte[] der, Instant validationTime, Instant rsaUntil) {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
            TimeStampTokenInfo info = token.getTimeStampInfo();
            String digest = Algorithms.DIGEST_OIDS.get(info.getMessageImprintAlgOID().getId());
            if (digest == null || token.getSignedAttributes() == null) {
                return Optional.empty();
            }
            SignerInformation signer = token.toCMSSignedData().getSignerInfos().getSigners().iterator().next();
            if (!Algorithms.DIGEST_OIDS.containsKey(signer.getDigestAlgOID())) {
                return Optional.empty();
            }
            X509CertificateHolder unit = unit(token, token.getSID());
            if (unit == null) {
                return Optional.empty();
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(unit.getEncoded()));
            Instant genTime = info.getGenTime().toInstant();
            if (!anchors.isAnchor(certificate) || genTime.isAfter(validationTime)
                    || !Algorithms.strongAt(certificate.getPublicKey(), validationTime, rsaUntil)) {
                return Optional.empty();
            }
            // signature, ESS certificate identifier, unit valid at genTime, critical timeStamping EKU
            token.validate(verifier(unit));
            return Optional.of(new Good(genTime, certificate, digest, info.getMessageImprintDigest()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private org.bouncycastle.cms.SignerInformationVerifier verifier(X509CertificateHolder unit) throws Exception {
        org.bouncycastle.cms.SignerInformationVerifier known = verifiers.get(unit);
        if (known == null) {
            known = new JcaSimpleSignerInfoVerifierBuilder().setProvider(provider).build(unit);
            if (verifiers.size() < 1_000) {
                verifiers.put(unit, known);
            }
        }
        return known;
    }

    /** The unit's certificate: in the token, else among the anchors. */
    @SuppressWarnings("unchecked")
    private X509CertificateHolder unit(TimeStampToken token, SignerId sid) throws Exception {
        Collection<X509CertificateHolder> inToken = token.getCertificates().getMatches((Selector<X509CertificateHolder>) sid);
        if (!inToken.isEmpty()) {
            return inToken.iterator().next();
        }
        for (X509Certificate anchor : anchors.all()) {
            X509CertificateHolder holder = new X509CertificateHolder(anchor.getEncoded());
            if (sid.match(holder)) {
                return holder;
            }
        }
        return null;
    }

    public static boolean matches(String digestAlgorithm, byte[] canonical, byte[] imprint) throws Exception {
        return MessageDigest.isEqual(MessageDigest.getInstance(digestAlgorithm).digest(canonical), imprint);
    }
}
