package ee.allkiri.asic;

import ee.allkiri.asic.dss.DssEngine;
import ee.allkiri.asic.dss.DssReading;
import ee.allkiri.asic.rules.NonDerCertificates;
import ee.allkiri.asic.rules.ReferenceRules;
import ee.allkiri.asic.rules.QualificationRule;
import ee.allkiri.asic.rules.SignerRules;
import ee.allkiri.asic.rules.SigningCertificateRule;
import ee.allkiri.asic.rules.TimeMarkPolicyEvidenceRule;
import ee.allkiri.asic.rules.TimeMarkRules;
import ee.allkiri.asic.rules.TimeMarkSigningTimeRule;
import ee.allkiri.asic.rules.TimestampRules;
import ee.allkiri.asic.xades.SecureXml;
import ee.allkiri.asic.xades.SignatureXml;
import ee.allkiri.asic.xades.TimestampCanonicalization;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.Severity;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.SignerIdentity;
import ee.allkiri.core.SubIndication;
import ee.allkiri.ocsp.OcspFormatException;
import ee.allkiri.ocsp.OcspResponse;
import ee.allkiri.ocsp.OcspVerifier;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Verifies one signature file of a container: allkiri's own reading of the XML, DSS's ETSI
 * validation, then allkiri's profile rules, and the verdict that combines them. Thread-safe;
 * one instance per verifier.
 */
final class SignatureVerifier {

    private final DssEngine engine;
    private final DssEngine timeMarkEngine;
    private final SecureXml xmlParser;
    private final VerifierSettings settings;
    private final SignerRevocation revocation;
    private final FastPath fastPath;
    private final TimestampCanonicalization timestampCanonicalization;
    private final java.util.concurrent.atomic.AtomicLong fast = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong full = new java.util.concurrent.atomic.AtomicLong();

    /** @param fastPath the fast path for the common shape, or null to let DSS judge every signature */
    SignatureVerifier(DssEngine engine, SecureXml xmlParser, VerifierSettings settings, SignerRevocation revocation,
                      FastPath fastPath) {
        this.engine = engine;
        this.timeMarkEngine = engine.withPolicy(ee.allkiri.asic.dss.AllkiriPolicy.timeMark());
        this.xmlParser = xmlParser;
        this.settings = settings;
        this.revocation = revocation;
        this.fastPath = fastPath;
        this.timestampCanonicalization = new TimestampCanonicalization(settings.strictTimestampCanonicalization());
    }

    SignatureReport verify(String file, byte[] bytes, SignatureInputs inputs, Instant validationTime) {
        Document document;
        try {
            document = xmlParser.parse(bytes);
        } catch (SAXException e) {
            return failed(file, null, FindingCode.SIGNATURE_XML_MALFORMED, "not well-formed XML: " + e.getMessage());
        }
        SignatureXml xml = SignatureXml.read(document);
        if (xml.signatureCount() == 0) {
            return failed(file, null, FindingCode.SIGNATURE_NOT_ONE_PER_FILE, "the file holds no ds:Signature");
        }
        List<Finding> findings = new ArrayList<>();
        Profile profile = xml.profile();

        int nonDer = NonDerCertificates.count(xml.certificates());
        boolean lenient = nonDer > 0 && !settings.rejectNonDerCertificates();
        if (nonDer > 0) {
            Severity severity = lenient ? Severity.WARNING : Severity.ERROR;
            findings.add(new Finding(FindingCode.CERTIFICATE_NON_DER, severity,
                    nonDer + " certificate(s) with a non-minimal INTEGER encoding", file));
        }

        List<X509Certificate> embedded = certificates(xml.certificates());
        List<OcspResponse> ocsps = parseOcsp(xml, lenient, findings, file);
        X509Certificate candidate = xml.keyInfoCertificate() == null ? null : certificate(xml.keyInfoCertificate());

        Instant at = validationTime;
        if (profile == Profile.LT_TM && candidate != null) {
            at = OcspVerifier.select(ocsps, candidate, null).map(OcspResponse::producedAt).orElse(validationTime);
        }
        FastPath.Attempt attempt = fastPath == null || lenient ? null
                : fastPath.attempt(document, xml, inputs, validationTime, ocsps, embedded, revocation, file);
        DssReading dss;
        SignerRevocation.Outcome checked = null;
        byte[] dssBytes = bytes;
        if (attempt instanceof FastPath.Hit hit) {
            dss = hit.reading();
            checked = hit.ocsp();
            if (hit.exclusiveC14n()) {
                findings.add(timestampCanonicalization.finding(file));
            }
            fast.incrementAndGet();
        } else {
            TimestampCanonicalization.Outcome repaired = timestampCanonicalization.apply(document, bytes, file);
            repaired.finding().ifPresent(findings::add);
            dssBytes = repaired.xml();
            dss = dss(profile == Profile.LT_TM ? timeMarkEngine : engine, dssBytes, file, inputs, at, null, lenient);
            full.incrementAndGet();
            if (attempt instanceof FastPath.Miss miss) {
                fastPath.learn(miss.classKey(), dss);
            }
        }
        X509Certificate signing = dss.signingCertificate() != null ? dss.signingCertificate() : candidate;
        if (signing != null) {
            final DssReading judged = dss;
            SigningCertificateRule.check(signatureElement(document), signing, file).stream()
                    .filter(f -> judged.findings().stream().noneMatch(d -> d.code() == f.code()))
                    .forEach(findings::add);
        }
        Instant timestampTime = dss.timestamps().isEmpty() ? null : dss.timestamps().get(0).productionTime();

        ReferenceRules.Result references = ReferenceRules.check(xml, inputs.dataFiles(), inputs.manifestTypes(), file);

        SignerRevocation.Outcome ocsp = new SignerRevocation.Outcome(null, null, List.of());
        List<Finding> profileFindings = new ArrayList<>();
        switch (profile) {
            case B, B_EPES, T -> {
                SignerRevocation.Outcome online = null;
                if (revocation.isOnline() && signing != null && dss.issuerCertificate() != null) {
                    online = revocation.online(signing, dss.issuerCertificate(), timestampTime, validationTime, file);
                    if (online.fetched() != null) {
                        dss = dss(engine, dssBytes, file, inputs, validationTime, online.fetched(), lenient);
                    }
                    ocsp = online;
                }
                profileFindings.add(SignerRevocation.notLongTerm(profile.name(), online, file));
            }
            case LT_TM -> {
                profileFindings.addAll(TimeMarkRules.check(xml, file));
                if (signing != null) {
                    TimeMarkSigningTimeRule.check(xml.claimedSigningTime(), signing, file).ifPresent(profileFindings::add);
                }
                if (checked != null) {
                    ocsp = checked;
                } else if (signing != null && xml.signatureValue() != null) {
                    ocsp = revocation.embedded(ocsps, signing, dss.issuerCertificate(), embedded, xml.signatureValue(), null,
                            validationTime, lenient, file);
                }
            }
            default -> {
                if (checked != null) {
                    ocsp = checked;
                } else if (signing != null) {
                    ocsp = revocation.embedded(ocsps, signing, dss.issuerCertificate(), embedded, null, timestampTime,
                            validationTime, lenient, file);
                }
            }
        }
        TimeMarkPolicyEvidenceRule.check(profile, xml.policy() == null ? null : xml.policy().oid(), file)
                .ifPresent(profileFindings::add);
        findings.addAll(ocsp.withoutSuperseded(dss.findings()));
        findings.addAll(references.findings());
        findings.addAll(profileFindings);
        findings.addAll(ocsp.findings());
        if (!xml.timestamps().isEmpty()) {
            findings.addAll(TimestampRules.check(xml, dss.timestamps(), file));
        }
        if (profile != Profile.LT_TM && xml.policy() != null && xml.policy().implied()) {
            findings.add(Finding.of(FindingCode.POLICY_IMPLIED, file, "SignaturePolicyImplied"));
        }

        Signer signer = null;
        if (dss.signingCertificate() != null) {
            signer = SignerIdentity.of(dss.signingCertificate());
            findings.addAll(SignerRules.check(dss.signingCertificate(), signer, file));
        }
        QualificationRule.check(dss.qualification(), dss.listedChain(), dss.indication(), settings.requireQualified(), file)
                .ifPresent(findings::add);

        if (dss.listedChain() && dss.timestamps().stream().anyMatch(t -> t.isGood() && !t.qualified())) {
            findings.add(Finding.of(FindingCode.TIMESTAMP_NOT_QUALIFIED, file,
                    "the signature time-stamp is not from a qualified time-stamping service in the trusted lists"));
        }
        OcspResponse signerOcsp = ocsp.response();
        Instant proof = profile == Profile.LT_TM && signerOcsp != null ? signerOcsp.producedAt() : timestampTime;
        if (proof != null && proof.isAfter(validationTime)) {
            findings.add(Finding.of(FindingCode.SIGNED_AFTER_VALIDATION_TIME, file,
                    "proven to exist only at " + proof + ", after the validation time " + validationTime));
        }
        Instant best = profile == Profile.LT_TM && signerOcsp != null ? signerOcsp.producedAt() : dss.bestSignatureTime();
        Verdict verdict = Verdict.of(dss.indication(), dss.subIndication(), findings);
        return new SignatureReport(file, xml.id(), verdict.indication(), verdict.subIndication(), profile,
                dss.qualification(), signer, xml.claimedSigningTime(), best, timestampTime,
                signerOcsp == null ? null : signerOcsp.producedAt(), references.signedFiles(), dedupe(findings));
    }

    /** How many signatures took the fast path and how many DSS validated, since the verifier was built. */
    Verifier.Statistics statistics() {
        return new Verifier.Statistics(fast.get(), full.get());
    }

    private static DssReading dss(DssEngine engine, byte[] bytes, String file, SignatureInputs inputs, Instant at,
                                  byte[] fetchedOcsp, boolean lenient) {
        try {
            return lenient
                    ? NonDerCertificates.leniently(() -> DssReading.of(engine.validate(bytes, file, inputs.documents(), at, fetchedOcsp), file))
                    : DssReading.of(engine.validate(bytes, file, inputs.documents(), at, fetchedOcsp), file);
        } catch (RuntimeException | StackOverflowError e) {
            // DSS throws on some hostile structures (e.g. two SigningTime elements); refuse, never crash
            return new DssReading(false, Indication.TOTAL_FAILED, SubIndication.FORMAT_FAILURE, Qualification.NA, null, null,
                    null, List.of(), List.of(Finding.of(FindingCode.SIGNATURE_UNPROCESSABLE, file, "DSS could not process it: " + e)),
                    false);
        }
    }

    /** The ds:Signature the file holds (the root or its first ds:Signature child). */
    private static org.w3c.dom.Element signatureElement(Document document) {
        org.w3c.dom.Element root = document.getDocumentElement();
        org.w3c.dom.NodeList list = root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        return "Signature".equals(root.getLocalName()) || list.getLength() == 0 ? root : (org.w3c.dom.Element) list.item(0);
    }

    private static SignatureReport failed(String file, String id, FindingCode code, String message) {
        return new SignatureReport(file, id, code.indication(), code.subIndication(), Profile.UNKNOWN, Qualification.NA,
                null, null, null, null, null, List.of(), List.of(Finding.of(code, file, message)));
    }

    private static List<OcspResponse> parseOcsp(SignatureXml xml, boolean lenient, List<Finding> findings, String file) {
        List<OcspResponse> out = new ArrayList<>();
        for (byte[] der : xml.ocspValues()) {
            try {
                out.add(lenient ? NonDerCertificates.leniently(() -> parseUnchecked(der)) : OcspResponse.parse(der));
            } catch (OcspFormatException | IllegalStateException e) {
                findings.add(Finding.of(FindingCode.OCSP_RESPONSE_INVALID, file, "an embedded OCSP response does not parse: "
                        + e.getMessage()));
            }
        }
        return out;
    }

    private static OcspResponse parseUnchecked(byte[] der) {
        try {
            return OcspResponse.parse(der);
        } catch (OcspFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(List<byte[]> ders) {
        List<X509Certificate> out = new ArrayList<>();
        for (byte[] der : ders) {
            X509Certificate c = certificate(der);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            return null;
        }
    }

    private static List<Finding> dedupe(List<Finding> findings) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            boolean seen = out.stream().anyMatch(o -> o.code() == f.code() && o.message().equals(f.message()));
            if (!seen) {
                out.add(f);
            }
        }
        return out;
    }

    /** Combines DSS's indication with allkiri's error findings: the worse one wins. */
    record Verdict(Indication indication, SubIndication subIndication) {
        static Verdict of(Indication dssIndication, SubIndication dssSub, List<Finding> findings) {
            Indication indication = dssIndication;
            SubIndication sub = dssSub;
            for (Finding f : findings) {
                if (!f.isError()) {
                    continue;
                }
                Indication implied = f.code().indication();
                if (indication == Indication.TOTAL_PASSED
                        || (indication == Indication.INDETERMINATE && implied == Indication.TOTAL_FAILED)) {
                    indication = implied;
                    sub = f.code().subIndication();
                }
            }
            return new Verdict(indication, indication == Indication.TOTAL_PASSED ? null : sub);
        }
    }
}
