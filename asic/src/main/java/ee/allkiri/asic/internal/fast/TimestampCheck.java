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
    /**
     * What is known of each time-stamping unit, made once: its certificate as the JDK reads it,
     * whether it is an anchor, and its verifier (so its key, and the provider's precomputation, is reused).
     */
    private final java.util.Map<X509CertificateHolder, Unit> units = new java.util.concurrent.ConcurrentHashMap<>();

    private record Unit(X509Certificate certificate, boolean anchor, org.bouncycastle.cms.SignerInformationVerifier verifier) {
    }

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
            X509CertificateHolder holder = unit(token, token.getSID());
            if (holder == null) {
                return Optional.empty();
            }
            Unit unit = known(holder);
            Instant genTime = info.getGenTime().toInstant();
            if (!unit.anchor() || genTime.isAfter(validationTime)
                    || !Algorithms.strongAt(unit.certificate().getPublicKey(), validationTime, rsaUntil)) {
                return Optional.empty();
            }
            // signature, ESS certificate identifier, unit valid at genTime, critical timeStamping EKU
            token.validate(unit.verifier());
            return Optional.of(new Good(genTime, unit.certificate(), digest, info.getMessageImprintDigest()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private Unit known(X509CertificateHolder holder) throws Exception {
        Unit known = units.get(holder);
        if (known == null) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
            // bcpkix's verifier (JcaSimpleSignerInfoVerifierBuilder) verifies each token's signature twice
            known = new Unit(certificate, anchors.isAnchor(certificate), new org.bouncycastle.cms.SignerInformationVerifier(
                    new org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator(),
                    new org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder(),
                    ee.allkiri.ocsp.internal.SingleVerifierProvider.of(holder, provider),
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().setProvider(provider).build()));
            if (units.size() < 1_000) {
                units.put(holder, known);
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
