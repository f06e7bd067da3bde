package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.VerificationPolicy;
import ee.allkiri.asic.internal.fast.Algorithms;
import ee.allkiri.asic.internal.fast.Anchors;
import ee.allkiri.asic.internal.fast.CarriedCertificates;
import ee.allkiri.asic.internal.fast.QualificationClass;
import ee.allkiri.asic.internal.fast.TimestampCheck;
import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.asic.internal.xades.TimestampCanonicalization;
import ee.allkiri.asic.internal.xades.Xades;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import eu.europa.esig.dss.xml.utils.SantuarioInitializer;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast path for the common shape of signature ({@link FastShape}: one LT or BDOC
 * time-mark signature over files, signer CA, OCSP responder and time-stamping unit among the
 * trust anchors, modern algorithms), in front of DSS. It runs only on a signature whose signed
 * content allkiri's own check found intact; it checks what DSS would check for such a signature
 * to pass and, when every check holds, judges as DSS would have; the qualification comes from the
 * first signature of the same {@link QualificationClass}, which always goes the full way (with
 * trust that has no trusted-list data there is no qualification to learn: see {@link #UNLISTED}). Every
 * gate comes from the {@link VerificationPolicy}. Whenever anything is unusual or fails, DSS
 * judges: the fast path never fails a signature, it only passes ones DSS passes (a differential
 * test over every fixture and forged variant holds it to that). Thread-safe.
 */
final class FastJudge implements Engine {

    private static final String OCSP_NO_CHECK = "1.3.6.1.5.5.7.48.1.5";
    private static final String EXCLUSIVE = Xades.EXCLUSIVE_C14N;
    private static final int LEARNED_LIMIT = 100_000;

    /** What DSS said of the first signature of a class. */
    private record Learned(Qualification qualification, boolean listedChain, boolean timestampQualified) {
    }

    /**
     * What DSS says of every signature when the trust holds no trusted-list service (a folder of
     * certificates, plain anchors): DSS is then given plain anchors only ({@code DssTrust}), so no
     * certificate of a chain has a trust service, no time-stamp is from a qualified unit, and the
     * signature's qualification is not applicable. Nothing is left to learn, so the first signature
     * of a class takes the fast path too (the differential tests over fixtures, forged variants and
     * bundles with such trust hold this answer to DSS's).
     */
    private static final Learned UNLISTED = new Learned(Qualification.NA, false, false);

    /** A signature that passed every fast check, and the class DSS's qualification is learned for. */
    private record Passed(X509Certificate signer, X509Certificate anchor, Instant signedAt, TimestampCheck.Good stamp,
                          SignerRevocation.Outcome ocsp, boolean exclusiveC14n, String classKey) {
    }

    private final Engine full;
    private final VerificationPolicy policy;
    private final TimestampCanonicalization canonicalization;
    private final SignerRevocation revocation;
    private final Anchors anchors;
    private final TimestampCheck timestamps;
    private final QualificationClass classes;
    private final CarriedCertificates carriedCertificates;
    private final Map<String, Learned> learned = new ConcurrentHashMap<>();
    /** {@link #UNLISTED} when the trust has no trusted-list data, else null (learned per class). */
    private final Learned unlisted;
    private final AtomicLong fast = new AtomicLong();

    /** @param full the engine that judges whatever the fast path does not */
    FastJudge(Engine full, TrustMaterial trust, VerificationPolicy policy, TimestampCanonicalization canonicalization,
              SignerRevocation revocation, Provider provider) {
        SantuarioInitializer.init();
        this.full = full;
        this.policy = policy;
        this.canonicalization = canonicalization;
        this.revocation = revocation;
        this.anchors = new Anchors(trust.services().stream().map(TrustedService::certificate).toList(), provider);
        this.timestamps = new TimestampCheck(anchors, provider);
        this.classes = new QualificationClass(trust);
        this.carriedCertificates = new CarriedCertificates(trust.services().stream().map(TrustedService::certificate).toList(),
                provider);
        this.unlisted = trust.hasTrustedListData() ? null : UNLISTED;
    }

    /** How many signatures the fast path judged. */
    long judged() {
        return fast.get();
    }

    @Override
    public Judgement judge(SignatureCase signature) {
        signature.inputs().deadline().check();
        Optional<Passed> passed = Optional.empty();
        if (!signature.lenient() && signature.core().intact() && FastShape.fits(signature.model())) {
            try {
                passed = check(signature);
            } catch (Exception e) {
                passed = Optional.empty();
            }
        }
        signature.inputs().deadline().check(); // a check that swallowed it, or time spent in it, stops here
        Learned known = passed.map(p -> unlisted != null ? unlisted : learned.get(p.classKey())).orElse(null);
        if (known == null) {
            Judgement judged = full.judge(signature);
            passed.ifPresent(p -> learn(p.classKey(), judged));
            return judged;
        }
        fast.incrementAndGet();
        Passed p = passed.get();
        List<Judgement.Timestamp> stamps = p.stamp() == null ? List.of()
                : List.of(new Judgement.Timestamp(p.stamp().genTime(), true, true, true, known.timestampQualified()));
        List<Finding> findings = p.exclusiveC14n()
                ? List.of(canonicalization.finding(signature.file())) : List.of();
        return new Judgement(Judgement.Path.FAST, true, Indication.TOTAL_PASSED, null, known.qualification(), p.signer(),
                p.anchor(), p.signedAt(), stamps, List.of(), findings, known.listedChain(), p.ocsp());
    }

    private Optional<Passed> check(SignatureCase signature) throws Exception {
        SignatureModel model = signature.model();
        X509Certificate signer = signature.core().signer();
        Instant validationTime = signature.validationTime();
        if (!plainSigner(signer, validationTime)) {
            return Optional.empty();
        }
        X509Certificate anchor = anchors.issuerOf(signer, false).orElse(null);
        // a time-mark signature is judged at its time-mark; its claimed time is only a warning
        boolean claimedInside = model.profile() == Profile.LT_TM || within(signer, model.signed().signingTime());
        int unparsed = model.certificates().size() - signature.certificates().size();
        if (anchor == null || !Algorithms.strongAt(anchor.getPublicKey(), validationTime, policy.rsaUntil()) || !claimedInside
                || !carriedCertificates.unambiguous(carried(signature), unparsed)) {
            return Optional.empty();
        }
        TimestampCheck.Good stamp = null;
        boolean exclusive = false;
        SignerRevocation.Outcome ocsp;
        Instant signedAt;
        if (model.profile() == Profile.LT) {
            SignatureModel.SignatureTimestamp timestamp = model.unsigned().signatureTimestamps().get(0);
            stamp = timestamps.verify(timestamp.tokens().get(0), validationTime, policy.rsaUntil()).orElse(null);
            if (stamp == null) {
                return Optional.empty();
            }
            byte[] canonical = XMLCanonicalizer.createInstance(timestamp.canonicalizationMethod())
                    .canonicalize(model.signatureValue().element());
            if (!TimestampCheck.matches(stamp.digestAlgorithm(), canonical, stamp.imprint())) {
                exclusive = timestamp.canonicalizationMethod() == null && TimestampCheck.matches(stamp.digestAlgorithm(),
                        XMLCanonicalizer.createInstance(EXCLUSIVE).canonicalize(model.signatureValue().element()),
                        stamp.imprint());
                if (!exclusive) {
                    return Optional.empty();
                }
            }
            signedAt = stamp.genTime();
            ocsp = revocation.embedded(signature.ocsps(), signer, anchor, signature.certificates(), null, signedAt,
                    validationTime, false, signature.file());
        } else {
            ocsp = revocation.embedded(signature.ocsps(), signer, anchor, signature.certificates(),
                    model.signatureValue().value(), null, validationTime, false, signature.file());
            if (ocsp.response() == null) {
                return Optional.empty();
            }
            signedAt = ocsp.response().producedAt();
        }
        if (!clean(ocsp) || !within(signer, signedAt) || signedAt.isAfter(validationTime)) {
            return Optional.empty();
        }
        String key = classes.key(anchor, signer, signedAt, stamp == null ? null : stamp.unit(),
                stamp == null ? null : stamp.genTime());
        return Optional.of(new Passed(signer, anchor, signedAt, stamp, ocsp, exclusive, key));
    }

    /** Remembers DSS's answer for a class, when DSS passed the signature. */
    private void learn(String classKey, Judgement dss) {
        if (!dss.found() || dss.indication() != Indication.TOTAL_PASSED || learned.size() >= LEARNED_LIMIT) {
            return;
        }
        boolean stampQualified = !dss.timestamps().isEmpty() && dss.timestamps().get(0).qualified();
        learned.putIfAbsent(classKey, new Learned(dss.qualification(), dss.listedChain(), stampQualified));
    }

    /** A response that verified with no error, with no contradiction, and needs no revocation data of its own. */
    private static boolean clean(SignerRevocation.Outcome ocsp) {
        return ocsp.response() != null && ocsp.findings().stream().noneMatch(Finding::isError)
                && ocsp.findings().stream().noneMatch(f -> f.code() == FindingCode.OCSP_RESPONDER_STATUS_UNCHECKED);
    }

    private boolean plainSigner(X509Certificate signer, Instant validationTime) {
        if (!Algorithms.strongAt(signer.getPublicKey(), validationTime, policy.rsaUntil())
                || signer.getExtensionValue(OCSP_NO_CHECK) != null) {
            return false;
        }
        Set<String> critical = signer.getCriticalExtensionOIDs();
        return critical == null || policy.supportedCriticalExtensions().containsAll(critical);
    }

    /** The certificates the signature carries that parsed: KeyInfo's, CertificateValues', its OCSP responses'. */
    private static List<X509Certificate> carried(SignatureCase signature) {
        List<X509Certificate> out = new java.util.ArrayList<>(signature.certificates());
        signature.ocsps().forEach(response -> out.addAll(response.certificates()));
        return out;
    }

    private static boolean within(X509Certificate certificate, Instant at) {
        return at != null && !at.isBefore(certificate.getNotBefore().toInstant())
                && !at.isAfter(certificate.getNotAfter().toInstant());
    }
}
