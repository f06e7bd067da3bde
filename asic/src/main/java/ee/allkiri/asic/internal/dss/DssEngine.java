package ee.allkiri.asic.internal.dss;

import ee.allkiri.core.spi.TrustMaterial;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.cades.validation.CMSDocumentValidator;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.policy.SignaturePolicyProvider;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.reports.Reports;
import eu.europa.esig.dss.xades.validation.XMLDocumentValidator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Runs DSS's ETSI EN 319 102-1 validation of one detached XAdES signature, offline: no AIA,
 * OCSP or CRL fetching, no download of signature policy documents. An OCSP response allkiri
 * fetched itself may be handed in as external revocation data. Built once per verifier
 * from its trust anchors and policy; thread-safe (each call gets its own DSS validator and
 * certificate verifier; the trusted source and policy are only read).
 */
public final class DssEngine {

    private final CertificateSource[] trusted;
    private final ValidationPolicy policy;
    private final SignaturePolicyProvider noPolicyDownloads;

    /** An engine that trusts the certificates as plain anchors (no trusted-list data). */
    public DssEngine(Collection<X509Certificate> anchors, ValidationPolicy policy) {
        CommonTrustedCertificateSource plain = new CommonTrustedCertificateSource();
        for (X509Certificate anchor : anchors) {
            plain.addCertificate(new CertificateToken(anchor));
        }
        this.trusted = new CertificateSource[] {plain};
        this.policy = policy;
        this.noPolicyDownloads = new SignaturePolicyProvider();
    }

    /**
     * An engine over the trust material: plain anchors, and services from trusted lists with
     * their type, status history and qualifiers (so DSS determines qualification).
     */
    public DssEngine(TrustMaterial trust, ValidationPolicy policy) {
        this.trusted = DssTrust.sources(trust).toArray(CertificateSource[]::new);
        this.policy = policy;
        this.noPolicyDownloads = new SignaturePolicyProvider();
    }

    private DssEngine(CertificateSource[] trusted, ValidationPolicy policy) {
        this.trusted = trusted;
        this.policy = policy;
        this.noPolicyDownloads = new SignaturePolicyProvider();
    }

    /** The same trust with another policy (e.g. {@link AllkiriPolicy#timeMark()}); the sources are shared. */
    public DssEngine withPolicy(ValidationPolicy other) {
        return new DssEngine(trusted, other);
    }

    /**
     * Validates one signature file.
     *
     * @param signatureXml   the signature file's bytes
     * @param name           its entry name (for reports)
     * @param dataFiles      the container's data files, named by entry name
     * @param validationTime the time to validate at
     */
    public Reports validate(byte[] signatureXml, String name, List<DSSDocument> dataFiles, Instant validationTime) {
        return validate(signatureXml, name, dataFiles, validationTime, null);
    }

    /**
     * Validates one signature file with an OCSP response fetched online (and verified by
     * allkiri) as external revocation data for the certificates it is about.
     *
     * @param fetchedOcsp the DER OCSPResponse, or null for none
     */
    public Reports validate(byte[] signatureXml, String name, List<DSSDocument> dataFiles, Instant validationTime,
                            byte[] fetchedOcsp) {
        XMLDocumentValidator validator = new XMLDocumentValidator(new InMemoryDocument(signatureXml, name));
        CommonCertificateVerifier verifier = offlineVerifier();
        if (fetchedOcsp != null) {
            verifier.setOcspSource(new FetchedOcspSource(fetchedOcsp));
        }
        validator.setCertificateVerifier(verifier);
        validator.setDetachedContents(dataFiles);
        validator.setSignaturePolicyProvider(noPolicyDownloads);
        validator.setValidationTime(Date.from(validationTime));
        validator.setEnableEtsiValidationReport(false);
        validator.setTokenExtractionStrategy(eu.europa.esig.dss.enumerations.TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
        return validator.validateDocument(policy);
    }

    /**
     * Validates one detached CAdES signature of an ASiC-E container (ETSI EN 319 162-1 4.4.4.2)
     * over the ASiCManifest it signs, offline, with the same trust and policy as XAdES.
     *
     * @param cms            the signature file's bytes (META-INF/*signature*.p7s)
     * @param name           its entry name (for reports)
     * @param signedManifest the ASiCManifest, named by its entry name
     * @param validationTime the time to validate at
     */
    public Reports validateCms(byte[] cms, String name, DSSDocument signedManifest, Instant validationTime) {
        CMSDocumentValidator validator = new CMSDocumentValidator(new InMemoryDocument(cms, name));
        validator.setCertificateVerifier(offlineVerifier());
        validator.setDetachedContents(List.of(signedManifest));
        validator.setSignaturePolicyProvider(noPolicyDownloads);
        validator.setValidationTime(Date.from(validationTime));
        validator.setEnableEtsiValidationReport(false);
        validator.setTokenExtractionStrategy(eu.europa.esig.dss.enumerations.TokenExtractionStrategy.EXTRACT_CERTIFICATES_ONLY);
        return validator.validateDocument(policy);
    }

    private CommonCertificateVerifier offlineVerifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier(true);
        verifier.setTrustedCertSources(trusted);
        verifier.setAIASource(null);
        verifier.setOcspSource(null);
        verifier.setCrlSource(null);
        SilentOnStatusAlert silent = new SilentOnStatusAlert();
        verifier.setAlertOnMissingRevocationData(silent);
        verifier.setAlertOnInvalidSignature(silent);
        verifier.setAlertOnInvalidTimestamp(silent);
        verifier.setAlertOnRevokedCertificate(silent);
        verifier.setAlertOnExpiredCertificate(silent);
        verifier.setAlertOnNotYetValidCertificate(silent);
        verifier.setAlertOnNoRevocationAfterBestSignatureTime(silent);
        verifier.setAlertOnUncoveredPOE(silent);
        return verifier;
    }
}
