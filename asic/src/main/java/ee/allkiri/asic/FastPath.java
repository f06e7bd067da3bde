package ee.allkiri.asic;

import ee.allkiri.asic.dss.DssReading;
import ee.allkiri.asic.fast.Algorithms;
import ee.allkiri.asic.fast.Anchors;
import ee.allkiri.asic.fast.QualificationClass;
import ee.allkiri.asic.fast.Shape;
import ee.allkiri.asic.fast.SignedContent;
import ee.allkiri.asic.fast.TimestampCheck;
import ee.allkiri.asic.rules.ReferenceRules;
import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.xml.utils.SantuarioInitializer;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;

/**
 * The fast path for the common shape of signature (one LT or BDOC time-mark signature over
 * files, signer CA, OCSP responder and time-stamping unit among the trust anchors, modern
 * algorithms). It checks what DSS would check for such a signature to pass and, when every
 * check holds, produces the reading DSS would have produced; the qualification comes from the
 * first signature of the same {@link QualificationClass}, which always goes the full way.
 * Whenever anything is unusual or fails, it steps aside and DSS decides: the fast path never
 * fails a signature, it only passes ones DSS passes (a differential test over every fixture
 * and forged variant holds it to that). Thread-safe.
 */
final class FastPath {

    /** Extensions a signer certificate may mark critical on the fast path (DSS's supported list). */
    private static final Set<String> SUPPORTED_CRITICAL = Set.of("2.5.29.15", "2.5.29.32", "2.5.29.17", "2.5.29.19",
            "2.5.29.30", "2.5.29.36", "2.5.29.37", "2.5.29.31", "2.5.29.54", "1.3.6.1.5.5.7.1.3");
    private static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";
    private static final String EXCLUSIVE = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final int LEARNED_LIMIT = 100_000;

    /** What DSS said of the first signature of a class. */
    record Learned(Qualification qualification, boolean listedChain, boolean timestampQualified) {
    }

    /** The outcome of an attempt. */
    sealed interface Attempt permits Hit, Miss {
    }

    /**
     * The signature passes the fast path.
     *
     * @param exclusiveC14n the time-stamp names no canonicalization but matched the exclusive form
     */
    record Hit(DssReading reading, SignerRevocation.Outcome ocsp, boolean exclusiveC14n) implements Attempt {
    }

    /** DSS decides; {@code classKey} (may be null) lets the fast path learn from its answer. */
    record Miss(String classKey) implements Attempt {
    }

    private static final Miss NOT_THIS_SHAPE = new Miss(null);

    private final Anchors anchors;
    private final SignedContent content;
    private final TimestampCheck timestamps;
    private final QualificationClass classes;
    private final Map<String, Learned> learned = new ConcurrentHashMap<>();

    FastPath(TrustMaterial trust, Provider provider) {
        SantuarioInitializer.init();
        this.anchors = new Anchors(trust.services().stream().map(TrustedService::certificate).toList(), provider);
        this.content = new SignedContent(provider);
        this.timestamps = new TimestampCheck(anchors, provider);
        this.classes = new QualificationClass(trust);
    }

    Attempt attempt(Document document, SignatureXml xml, SignatureInputs inputs, Instant validationTime,
                    List<ee.allkiri.ocsp.OcspResponse> ocsps, List<X509Certificate> embedded, SignerRevocation revocation,
                    String file) {
        Profile profile = xml.profile();
        if (profile != Profile.LT && profile != Profile.LT_TM) {
            return NOT_THIS_SHAPE;
        }
        Shape shape = Shape.of(document).orElse(null);
        if (shape == null || (profile == Profile.LT) != (shape.timestampToken() != null)) {
            return NOT_THIS_SHAPE;
        }
        try {
            return check(shape, profile, inputs, validationTime, ocsps, embedded, revocation, file);
        } catch (Exception e) {
            return NOT_THIS_SHAPE;
        }
    }

    private Attempt check(Shape shape, Profile profile, SignatureInputs inputs, Instant validationTime,
                          List<ee.allkiri.ocsp.OcspResponse> ocsps, List<X509Certificate> embedded,
                          SignerRevocation revocation, String file) throws Exception {
        X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(shape.signerCertificate()));
        byte[] certDigest = MessageDigest.getInstance(Algorithms.DIGESTS.get(shape.certDigestMethod())).digest(signer.getEncoded());
        if (!MessageDigest.isEqual(certDigest, shape.certDigest()) || !plainSigner(signer, validationTime)) {
            return NOT_THIS_SHAPE;
        }
        X509Certificate anchor = anchors.issuerOf(signer, false).orElse(null);
        if (anchor == null || !Algorithms.strongAt(anchor.getPublicKey(), validationTime)) {
            return NOT_THIS_SHAPE;
        }
        Map<String, DSSDocument> documents = new HashMap<>();
        for (DSSDocument d : inputs.documents()) {
            documents.putIfAbsent(d.getName(), d);
        }
        if (!content.verify(shape, signer, documents, ReferenceRules::decode)) {
            return NOT_THIS_SHAPE;
        }
        Instant claimed = OffsetDateTime.parse(shape.signingTime()).toInstant();
        if (profile != Profile.LT_TM && !within(signer, claimed)) { // a time-mark is judged at the time-mark
            return NOT_THIS_SHAPE;
        }

        TimestampCheck.Good stamp = null;
        boolean exclusive = false;
        SignerRevocation.Outcome ocsp;
        Instant signedAt;
        if (profile == Profile.LT) {
            stamp = timestamps.verify(shape.timestampToken(), validationTime).orElse(null);
            if (stamp == null) {
                return NOT_THIS_SHAPE;
            }
            byte[] canonical = SignedContent.canonical(shape.timestampC14n(), shape.signatureValue());
            if (!TimestampCheck.matches(stamp.digestAlgorithm(), canonical, stamp.imprint())) {
                exclusive = shape.timestampC14n() == null && TimestampCheck.matches(stamp.digestAlgorithm(),
                        SignedContent.canonical(EXCLUSIVE, shape.signatureValue()), stamp.imprint());
                if (!exclusive) {
                    return NOT_THIS_SHAPE;
                }
            }
            signedAt = stamp.genTime();
            ocsp = revocation.embedded(ocsps, signer, anchor, embedded, null, signedAt, validationTime, false, file);
        } else {
            ocsp = revocation.embedded(ocsps, signer, anchor, embedded, shape.signatureValueBytes(), null, validationTime,
                    false, file);
            if (ocsp.response() == null) {
                return NOT_THIS_SHAPE;
            }
            signedAt = ocsp.response().producedAt();
        }
        if (!clean(ocsp) || !within(signer, signedAt) || signedAt.isAfter(validationTime)) {
            return NOT_THIS_SHAPE;
        }
        String key = classes.key(anchor, signer, signedAt, stamp == null ? null : stamp.unit(),
                stamp == null ? null : stamp.genTime());
        Learned known = learned.get(key);
        if (known == null) {
            return new Miss(key);
        }
        List<DssReading.TimestampReading> readings = stamp == null ? List.of()
                : List.of(new DssReading.TimestampReading(stamp.genTime(), true, true, true, known.timestampQualified()));
        DssReading reading = new DssReading(true, Indication.TOTAL_PASSED, null, known.qualification(), signer, anchor,
                signedAt, readings, List.of(), known.listedChain());
        return new Hit(reading, ocsp, exclusive);
    }

    /** Remembers DSS's answer for a class, when DSS passed the signature. */
    void learn(String classKey, DssReading dss) {
        if (classKey == null || !dss.found() || dss.indication() != Indication.TOTAL_PASSED || learned.size() >= LEARNED_LIMIT) {
            return;
        }
        boolean stampQualified = !dss.timestamps().isEmpty() && dss.timestamps().get(0).qualified();
        learned.putIfAbsent(classKey, new Learned(dss.qualification(), dss.listedChain(), stampQualified));
    }

    /** A response that verified with no error and needs no revocation data of its own. */
    private static boolean clean(SignerRevocation.Outcome ocsp) {
        return ocsp.response() != null && ocsp.findings().stream().noneMatch(Finding::isError)
                && ocsp.findings().stream().noneMatch(f -> f.code() == FindingCode.OCSP_RESPONDER_STATUS_UNCHECKED);
    }

    private static boolean plainSigner(X509Certificate signer, Instant validationTime) {
        if (!Algorithms.strongAt(signer.getPublicKey(), validationTime) || signer.getExtensionValue(OCSP_NO_CHECK) != null) {
            return false;
        }
        Set<String> critical = signer.getCriticalExtensionOIDs();
        return critical == null || SUPPORTED_CRITICAL.containsAll(critical);
    }

    private static boolean within(X509Certificate certificate, Instant at) {
        return !at.isBefore(certificate.getNotBefore().toInstant()) && !at.isAfter(certificate.getNotAfter().toInstant());
    }
}
