package ee.allkiri.asic;

import ee.allkiri.asic.dss.DssEngine;
import ee.allkiri.asic.dss.DssReading;
import ee.allkiri.asic.rules.NonDerCertificates;
import ee.allkiri.asic.rules.ReferenceRules;
import ee.allkiri.asic.rules.SignerRules;
import ee.allkiri.asic.rules.TimeMarkRules;
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
    private final SecureXml xmlParser;
    private final VerifierSettings settings;
    private final TimestampCanonicalization timestampCanonicalization;

    SignatureVerifier(DssEngine engine, SecureXml xmlParser, VerifierSettings settings) {
        this.engine = engine;
        this.xmlParser = xmlParser;
        this.settings = settings;
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
        OcspResponse signerOcsp = ocspFor(ocsps, candidate, null);

        Instant at = validationTime;
        if (profile == Profile.LT_TM && signerOcsp != null) {
            at = signerOcsp.producedAt();
        }
        Instant dssTime = at;
        TimestampCanonicalization.Outcome forDss = timestampCanonicalization.apply(document, bytes, file);
        forDss.finding().ifPresent(findings::add);
        byte[] dssBytes = forDss.xml();
        DssReading dss = lenient
                ? NonDerCertificates.leniently(() -> DssReading.of(engine.validate(dssBytes, file, inputs.documents(), dssTime), file))
                : DssReading.of(engine.validate(dssBytes, file, inputs.documents(), dssTime), file);
        findings.addAll(dss.findings());
        if (dss.signingCertificate() != null) {
            signerOcsp = ocspFor(ocsps, dss.signingCertificate(), dss.issuerCertificate());
        }

        ReferenceRules.Result references = ReferenceRules.check(xml, inputs.dataFiles(), inputs.manifestTypes(), file);
        findings.addAll(references.findings());

        switch (profile) {
            case B, B_EPES, T -> findings.add(Finding.of(FindingCode.PROFILE_NOT_LONG_TERM, file,
                    profile + " level: no OCSP response in the signature"));
            case LT_TM -> findings.addAll(TimeMarkRules.check(xml, signerOcsp, embedded, settings.timeMarkResponders(), file));
            default -> {
            }
        }
        if (!xml.timestamps().isEmpty()) {
            findings.addAll(TimestampRules.check(xml, dss.timestamps(), signerOcsp == null ? null : signerOcsp.producedAt(), file));
        }
        if (profile != Profile.LT_TM && xml.policy() != null && xml.policy().implied()) {
            findings.add(Finding.of(FindingCode.POLICY_IMPLIED, file, "SignaturePolicyImplied"));
        }

        Signer signer = null;
        if (dss.signingCertificate() != null) {
            signer = SignerIdentity.of(dss.signingCertificate());
            findings.addAll(SignerRules.check(dss.signingCertificate(), signer, file));
        }
        if (settings.requireQualified() && settings.hasTrustedListData() && dss.indication() == Indication.TOTAL_PASSED
                && !dss.qualification().isQualified()) {
            findings.add(Finding.of(FindingCode.NOT_QUALIFIED, file, "qualification " + dss.qualification()));
        }

        Instant timestampTime = dss.timestamps().isEmpty() ? null : dss.timestamps().get(0).productionTime();
        Instant best = profile == Profile.LT_TM && signerOcsp != null ? signerOcsp.producedAt() : dss.bestSignatureTime();
        Verdict verdict = Verdict.of(dss.indication(), dss.subIndication(), findings);
        return new SignatureReport(file, xml.id(), verdict.indication(), verdict.subIndication(), profile,
                dss.qualification(), signer, xml.claimedSigningTime(), best, timestampTime,
                signerOcsp == null ? null : signerOcsp.producedAt(), references.signedFiles(), dedupe(findings));
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

    /** The response about the certificate: by CertID when the issuer is known, else by serial. */
    private static OcspResponse ocspFor(List<OcspResponse> responses, X509Certificate certificate, X509Certificate issuer) {
        if (certificate == null) {
            return responses.isEmpty() ? null : responses.get(0);
        }
        for (OcspResponse r : responses) {
            boolean match = issuer != null ? r.statusFor(certificate, issuer).isPresent()
                    : r.statusForSerial(certificate.getSerialNumber()).isPresent();
            if (match) {
                return r;
            }
        }
        return null;
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
