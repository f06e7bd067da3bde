package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.VerificationPolicy;
import ee.allkiri.asic.internal.cades.AsicManifest;
import ee.allkiri.asic.internal.cades.CadesDssFacts;
import ee.allkiri.asic.internal.cades.CmsCoreValidation;
import ee.allkiri.asic.internal.cades.CmsSignature;
import ee.allkiri.asic.internal.cades.ManifestCoverage;
import ee.allkiri.asic.internal.container.CadesEntries;
import ee.allkiri.asic.internal.container.ParsedContainer;
import ee.allkiri.asic.internal.dss.DssEngine;
import ee.allkiri.asic.internal.fast.CheckedKeys;
import ee.allkiri.asic.internal.xades.SecureXml;
import ee.allkiri.asic.internal.xades.UriNames;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Profile;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.Signer;
import ee.allkiri.core.internal.SignerIdentity;
import ee.allkiri.ocsp.internal.OcspFormatException;
import ee.allkiri.ocsp.internal.OcspResponse;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Verifies one CAdES signature of an ASiC-E container (ETSI EN 319 162-1 4.4.4.2): the
 * ASiCManifest whose SigReference names it, read by allkiri and checked against the container's
 * data files ({@link ManifestCoverage}: every file listed, every digest matching); allkiri's own
 * check that the CMS signature signs that manifest with the certificate it names
 * ({@link CmsCoreValidation}); DSS's ETSI
 * validation of the detached CMS signature over that manifest (certificates, time-stamp,
 * revocation, qualification); then the same rules as for XAdES on the evidence: the embedded
 * OCSP response by the {@code ocsp} module, B and T level not long-term, the signer's
 * certificate, the qualification, the time-stamp. There is no fast path for CAdES: DSS judges
 * every such signature. Thread-safe; one instance per verifier.
 */
final class CadesSignatureVerifier {

    private final Supplier<DssEngine> engine;
    private final SecureXml xmlParser = new SecureXml();
    private final VerificationPolicy policy;
    private final VerifierSettings settings;
    private final SignerRevocation revocation;
    private final CmsCoreValidation core;
    private final CheckedKeys keys;

    /**
     * @param engine DSS, made on first use
     * @param keys   the verifier's record of RSA keys Bouncy Castle has tested
     */
    CadesSignatureVerifier(Supplier<DssEngine> engine, VerificationPolicy policy, VerifierSettings settings,
                           SignerRevocation revocation, java.security.Provider provider, CheckedKeys keys) {
        this.engine = engine;
        this.keys = keys;
        this.core = new CmsCoreValidation(provider);
        this.policy = policy;
        this.settings = settings;
        this.revocation = revocation;
    }

    /** Whether the entry is a CAdES signature file this verifier judges. */
    static boolean handles(String entryName) {
        return CadesEntries.isSignature(entryName);
    }

    SignatureReport verify(String file, byte[] bytes, ParsedContainer container, SignatureInputs inputs, Instant validationTime) {
        CmsSignature cms;
        try {
            cms = CmsSignature.parse(bytes);
        } catch (CmsSignature.MalformedException e) {
            return failed(file, FindingCode.SIGNATURE_CMS_MALFORMED, e.getMessage());
        }
        Manifest found = manifest(file, container);
        if (found.manifest() == null) {
            return failed(file, found.code(), found.problem());
        }
        Map<String, DSSDocument> dataFiles = new LinkedHashMap<>();
        for (DSSDocument d : inputs.documents()) {
            dataFiles.putIfAbsent(d.getName(), d);
        }
        ManifestCoverage.Result coverage = ManifestCoverage.check(found.manifest(), dataFiles, inputs.manifestTypes(), file);
        // the RSA moduli of the certificates it carries, tested once per verifier and stopping at the deadline (DSS reads them all)
        keys.retainSignedData(bytes, inputs.deadline()::check);
        CmsCoreValidation.Result own = core.check(bytes, found.bytes(), found.name(), file);
        java.security.cert.X509Certificate signing = own.signer();

        Reports reports;
        inputs.deadline().check();
        DssEngine validator = engine.get(); // made on first use; a failure to make it is the verifier's, not the signature's
        try {
            reports = validator.validateCms(bytes, file, new InMemoryDocument(found.bytes(), found.name()), validationTime);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(file, FindingCode.SIGNATURE_UNPROCESSABLE, "DSS could not process it: " + e);
        }
        CadesDssFacts facts = CadesDssFacts.of(reports);
        if (facts.count() != 1) {
            return failed(file, FindingCode.SIGNATURE_CMS_MALFORMED, "DSS found " + facts.count() + " signatures in the file");
        }
        Judgement dss = DssReports.read(reports, file);
        Profile profile = facts.profile();
        Instant timestampTime = dss.timestamps().isEmpty() ? null : dss.timestamps().get(0).productionTime();

        List<Finding> findings = new ArrayList<>();
        SignerRevocation.Outcome ocsp = new SignerRevocation.Outcome(null, null, List.of());
        inputs.deadline().check();
        if (profile == Profile.LT || profile == Profile.LTA) {
            if (signing != null) {
                ocsp = revocation.embedded(ocspResponses(cms, findings, file), signing,
                        dss.issuerCertificate(), cms.certificates(), null, timestampTime, validationTime, false, file);
            }
        } else {
            findings.add(SignerRevocation.notLongTerm(profile.name(), null, file));
        }
        boolean ocspErrors = ocsp.hasError();
        java.util.Set<FindingCode> ownCodes = own.findings().stream().map(Finding::code)
                .collect(java.util.stream.Collectors.toSet());
        findings.addAll(0, dss.findings().stream().filter(f -> !ownCodes.contains(f.code()))
                .filter(f -> !ocspErrors || !SignerRevocation.supersedes(f.code())).toList());
        findings.addAll(0, own.findings());
        if (dss.signingCertificate() != null && signing != null && !dss.signingCertificate().equals(signing)) {
            findings.add(Finding.of(FindingCode.SIGNING_CERTIFICATE_DIGEST_MISMATCH, file,
                    "the validation engine judged another certificate than the one that signed"));
        }
        findings.addAll(coverage.findings());
        findings.addAll(ocsp.findings());
        CrlEvidence.revocation(cms.crls(), signing, dss.issuerCertificate(), timestampTime, file).ifPresent(findings::add);
        findings.addAll(timestampFindings(dss, file));

        Signer signer = null;
        if (signing != null) {
            signer = SignerIdentity.of(signing);
            findings.addAll(SignerCertificateRule.check(signing, policy.supportedCriticalExtensions(), file));
            findings.addAll(SignerIdentityRule.check(signer, file));
        }
        findings.addAll(QualificationRule.check(dss.qualification(), dss.listedChain(), dss.indication(), dss.timestamps(),
                settings.requireQualified(), file));
        if (timestampTime != null && timestampTime.isAfter(validationTime)) {
            findings.add(Finding.of(FindingCode.SIGNED_AFTER_VALIDATION_TIME, file,
                    "proven to exist only at " + timestampTime + ", after the validation time " + validationTime));
        }
        OcspResponse signerOcsp = ocsp.response();
        Verdict verdict = Verdict.of(dss.indication(), dss.subIndication(), findings);
        Instant proof = dss.timestamps().stream().filter(Judgement.Timestamp::isGood).map(Judgement.Timestamp::productionTime)
                .findFirst().orElse(null);
        return new SignatureReport(file, facts.id(), verdict.indication(), verdict.subIndication(), profile,
                dss.qualification(), signer, facts.claimedSigningTime(), proof, timestampTime,
                signerOcsp == null ? null : signerOcsp.producedAt(), coverage.signedFiles(), findings);
    }

    /** The ASiCManifest whose SigReference names the signature file, or why there is none. */
    private record Manifest(String name, byte[] bytes, AsicManifest manifest, FindingCode code, String problem) {
    }

    private Manifest manifest(String signatureFile, ParsedContainer container) {
        List<Manifest> naming = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String name : new LinkedHashSet<>(container.entryNames())) {
            if (!CadesEntries.isManifest(name)) {
                continue;
            }
            byte[] bytes;
            AsicManifest manifest;
            try {
                bytes = container.readEntry(name);
                manifest = AsicManifest.parse(xmlParser, bytes);
            } catch (AsicManifest.MalformedException | IOException e) {
                unreadable.add(name + ": " + e.getMessage());
                continue;
            }
            if (signatureFile.equals(UriNames.decode(manifest.signatureUri()))) {
                naming.add(new Manifest(name, bytes, manifest, null, null));
            }
        }
        if (naming.size() == 1) {
            return naming.get(0);
        }
        if (naming.isEmpty() && !unreadable.isEmpty()) {
            return new Manifest(null, null, null, FindingCode.ASIC_MANIFEST_MALFORMED,
                    "no readable ASiCManifest names the signature; " + String.join("; ", unreadable));
        }
        return new Manifest(null, null, null, FindingCode.ASIC_MANIFEST_MISSING, naming.isEmpty()
                ? "no ASiCManifest names the signature in its SigReference"
                : naming.size() + " ASiCManifests name the signature: " + naming.stream().map(Manifest::name).toList());
    }

    private static List<OcspResponse> ocspResponses(CmsSignature cms, List<Finding> findings, String file) {
        List<OcspResponse> out = new ArrayList<>();
        for (byte[] der : cms.ocspResponses()) {
            try {
                out.add(OcspResponse.parse(der));
            } catch (OcspFormatException e) {
                findings.add(Finding.of(FindingCode.OCSP_RESPONSE_INVALID, file,
                        "an embedded OCSP response does not parse: " + e.getMessage()));
            }
        }
        return out;
    }

    /** The first signature time-stamp intact and trusted (ETSI EN 319 122-1 5.3; EN 319 102-1 5.4). */
    private static List<Finding> timestampFindings(Judgement dss, String file) {
        if (dss.timestamps().isEmpty()) {
            return List.of();
        }
        Judgement.Timestamp first = dss.timestamps().get(0);
        if (!first.imprintIntact() || !first.signatureIntact()) {
            return List.of(Finding.of(FindingCode.TIMESTAMP_INVALID, file, first.imprintIntact()
                    ? "the time-stamp token's signature does not verify" : "the time-stamp imprint does not match the signature value"));
        }
        if (!first.trusted()) {
            return List.of(Finding.of(FindingCode.TIMESTAMP_UNTRUSTED, file, "the time-stamping authority is not trusted"));
        }
        return List.of();
    }

    private static SignatureReport failed(String file, FindingCode code, String message) {
        return new SignatureReport(file, null, code.indication(), code.subIndication(), Profile.UNKNOWN, Qualification.NA,
                null, null, null, null, null, List.of(), List.of(Finding.of(code, file, message)));
    }

}
