package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.VerificationPolicy;
import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.asic.internal.dss.DssEngine;
import ee.allkiri.asic.internal.fast.CheckedKeys;
import ee.allkiri.asic.internal.xades.CoreValidation;
import ee.allkiri.asic.internal.xades.SecureXml;
import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.asic.internal.xades.SignatureReader;
import ee.allkiri.asic.internal.xades.TimestampCanonicalization;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.spi.RevocationSource;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.ocsp.internal.OcspFormatException;
import ee.allkiri.ocsp.internal.OcspResponse;
import ee.allkiri.ocsp.internal.OcspVerifier;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Verifies one signature file of a container, in this order of steps:
 * <ol>
 *   <li>parse the XML ({@code SIGNATURE_XML_MALFORMED}) and read the signature positionally
 *       ({@link SignatureReader}: a signature whose parts are out of place is refused here);</li>
 *   <li>allkiri's own signed-content check ({@link CoreValidation}): every reference by name,
 *       the SignedProperties, the signature value, the SigningCertificate binding;</li>
 *   <li>an engine judges certificates, revocation, time and qualification: the fast path for
 *       the common shape, else DSS ({@link Engine});</li>
 *   <li>the signer's revocation evidence, all of it ({@link SignerRevocation}), or an online
 *       answer for a signature without any;</li>
 *   <li>the rules, each one class ({@link SignatureRule});</li>
 *   <li>the verdict: the engine's indication, made worse by every error finding.</li>
 * </ol>
 * Between the steps the container's deadline ({@link SignatureInputs#deadline()}) is checked:
 * past it, the work stops with {@code Deadline.Exceeded}. Thread-safe; one instance per verifier.
 */
public final class SignatureVerifier {

    /** The rules, in the order their findings are reported. */
    private static final List<SignatureRule> RULES = List.of(new EngineAgreementRule(), new CoverageRule(),
            new MimeTypeRule(), new TimeMarkPolicyRule(), new TimeMarkPolicyEvidenceRule(), new TimeMarkSigningTimeRule(),
            new TimestampRule(), new ContentTimestampRule(),
            new EvidenceAlgorithmRule(), new PolicyImpliedRule(), new SignerValidityRule(), new SignerCertificateRule(), new SignerIdentityRule(),
            new QualificationRule(), new TimeRule());

    private final SecureXml xmlParser = new SecureXml();
    private final CoreValidation core;
    private final CheckedKeys keys;
    private final VerificationPolicy policy;
    private final VerifierSettings settings;
    private final SignerRevocation revocation;
    private final DssJudge full;
    private final FastJudge fast;
    private final Engine engine;
    private final CadesSignatureVerifier cades;
    private final AtomicLong judged = new AtomicLong();

    /**
     * @param dss          makes DSS with the verification policy's DSS policy; called once, when a
     *                     signature first needs DSS (a run whose signatures all take the fast path never does)
     * @param timeMarkDss  makes the same DSS policy for BDOC time-mark signatures (claimed signing time
     *                     informational); called once, when a time-mark signature first needs DSS
     * @param fastPath     let the fast path judge the common shape (else DSS judges every signature)
     */
    public SignatureVerifier(Supplier<DssEngine> dss, Supplier<ValidationPolicy> timeMarkDss, TrustMaterial trust,
                             VerificationPolicy policy, VerifierSettings settings, OcspVerifier ocsp,
                             RevocationSource online, Provider provider, boolean fastPath) {
        this.policy = policy;
        this.settings = settings;
        this.core = new CoreValidation(provider);
        this.keys = new CheckedKeys(provider);
        this.revocation = new SignerRevocation(ocsp, online);
        TimestampCanonicalization canonicalization = new TimestampCanonicalization(settings.strictTimestampCanonicalization());
        Lazy<DssEngine> engine = new Lazy<>(dss);
        this.full = new DssJudge(engine, new Lazy<>(() -> engine.get().withPolicy(timeMarkDss.get())), canonicalization,
                keys);
        this.cades = new CadesSignatureVerifier(engine, policy, settings, revocation, provider, keys);
        this.fast = fastPath ? new FastJudge(full, trust, policy, canonicalization, revocation, provider) : null;
        this.engine = fastPath ? fast : full;
    }

    /**
     * Counts since the verifier was built.
     *
     * @param fastPath       signatures the fast path judged
     * @param fullValidation signatures DSS judged
     */
    public record Statistics(long fastPath, long fullValidation) {
    }

    /** How the signatures verified so far were judged. */
    public Statistics statistics() {
        long onFastPath = fast == null ? 0 : fast.judged();
        return new Statistics(onFastPath, judged.get() - onFastPath);
    }

    /**
     * Verifies one signature file of the container: a CAdES signature (META-INF/*signature*.p7s)
     * over its ASiCManifest, or a XAdES signature file.
     */
    public SignatureReport verify(String file, byte[] bytes, ee.allkiri.asic.internal.container.ParsedContainer container,
                                  SignatureInputs inputs, Instant validationTime) {
        if (CadesSignatureVerifier.handles(file)) {
            judged.incrementAndGet();
            return cades.verify(file, bytes, container, inputs, validationTime);
        }
        return verify(file, bytes, inputs, validationTime);
    }

    /** Verifies one XAdES signature file. */
    public SignatureReport verify(String file, byte[] bytes, SignatureInputs inputs, Instant validationTime) {
        Document document;
        try {
            document = xmlParser.parse(bytes);
        } catch (SAXException e) {
            return refused(file, FindingCode.SIGNATURE_XML_MALFORMED, "not well-formed XML: " + e.getMessage());
        }
        inputs.deadline().check();
        SignatureReader.Result read = SignatureReader.read(document);
        if (read instanceof SignatureReader.Refused refused) {
            return refused(file, refused.code(), refused.reason());
        }
        SignatureModel model = ((SignatureReader.Read) read).model();
        List<Finding> findings = new ArrayList<>();
        int nonDer = NonDerCertificates.count(model.certificates());
        boolean lenient = nonDer > 0 && !settings.rejectNonDerCertificates();
        if (nonDer > 0) {
            findings.add(new Finding(FindingCode.CERTIFICATE_NON_DER, lenient ? Severity.WARNING : Severity.ERROR,
                    nonDer + " certificate(s) with a non-minimal INTEGER encoding", file));
        }
        List<X509Certificate> carried = certificates(model);
        // the RSA moduli of the signer and its CA, tested once per verifier (non-DER ones as Bouncy Castle reads them)
        if (carried.size() == model.certificates().size()) {
            keys.retain(carried, inputs.deadline()::check);
        } else {
            keys.retainEncoded(model.certificates(), inputs.deadline()::check);
        }
        CoreValidation.Result content = NonDerCertificates.when(lenient, () -> core.check(model, inputs, file));
        List<OcspResponse> ocsps = ocspResponses(model, lenient, findings, file, inputs.deadline());
        SignatureCase signature = new SignatureCase(file, bytes, document, model, content, inputs, validationTime, ocsps,
                carried, lenient, null);

        judged.incrementAndGet();
        Judgement judgement = engine.judge(signature);
        inputs.deadline().check();
        RevocationStage.Result evidence = RevocationStage.run(signature, judgement, revocation, full);
        judgement = evidence.judgement();
        SignatureFacts facts = new SignatureFacts(signature, judgement, evidence.outcome(), policy, settings);

        findings.addAll(content.findings());
        // where allkiri's own check and the engine found the same fault, allkiri's finding (naming the file) stands
        Set<FindingCode> ownCodes = content.findings().stream().map(Finding::code).collect(Collectors.toSet());
        judgement.findings().stream().filter(f -> !ownCodes.contains(f.code()))
                .filter(f -> !evidence.outcome().hasError() || !SignerRevocation.supersedes(f.code()))
                .forEach(findings::add);
        findings.addAll(evidence.findings());
        inputs.deadline().check();
        for (SignatureRule rule : RULES) {
            findings.addAll(rule.check(facts));
        }
        Verdict verdict = Verdict.of(judgement.indication(), judgement.subIndication(), findings);
        OcspResponse ocsp = evidence.outcome().response();
        return new SignatureReport(file, model.id(), verdict.indication(), verdict.subIndication(), model.profile(),
                judgement.qualification(), facts.identity(), model.signed().signingTime(), facts.proof(),
                facts.timestampTime(), ocsp == null ? null : ocsp.producedAt(), content.signedFiles(), dedupe(findings));
    }

    private static SignatureReport refused(String file, FindingCode code, String message) {
        return new SignatureReport(file, null, code.indication(), code.subIndication(), Profile.UNKNOWN, Qualification.NA,
                null, null, null, null, null, List.of(), List.of(Finding.of(code, file, message)));
    }

    /** The OCSP responses of RevocationValues that parse; each one that does not is a finding. */
    private static List<OcspResponse> ocspResponses(SignatureModel model, boolean lenient, List<Finding> findings,
                                                    String file, Deadline deadline) {
        List<OcspResponse> out = new ArrayList<>();
        for (byte[] der : model.unsigned().ocspValues()) {
            deadline.check();
            try {
                out.add(NonDerCertificates.when(lenient, () -> parse(der)));
            } catch (IllegalStateException e) {
                findings.add(Finding.of(FindingCode.OCSP_RESPONSE_INVALID, file, "an embedded OCSP response does not parse: "
                        + e.getMessage()));
            }
        }
        return out;
    }

    private static OcspResponse parse(byte[] der) {
        try {
            return OcspResponse.parse(der);
        } catch (OcspFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(SignatureModel model) {
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : model.certificates()) {
            try {
                out.add((X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(der)));
            } catch (java.security.cert.CertificateException | RuntimeException e) {
                // a certificate that does not parse cannot be evidence; the engines report what is missing
            }
        }
        return out;
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        return findings.stream().collect(Collectors.toMap(f -> f.code() + "\u0000" + f.message() + "\u0000" + f.location(),
                f -> f, (a, b) -> a, java.util.LinkedHashMap::new)).values().stream().toList();
    }
}
