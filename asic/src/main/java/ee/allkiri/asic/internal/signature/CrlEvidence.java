package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The CRLs a signature carries beside its OCSP responses (XAdES RevocationValues/CRLValues,
 * ETSI EN 319 132-1 5.5.2), read for one question (ETSI EN 319 102-1 5.2.6): does a CRL that the
 * signer's issuer signed list the signer's certificate as revoked not after the time the signature
 * is proven to exist? Then the signature's revocation evidence contradicts itself, whichever piece
 * an engine prefers (DSS takes the newest), and the signature must not pass:
 * {@code OCSP_RESPONSES_CONTRADICT}. A CRL that does not parse, is of another issuer, or whose
 * signature does not verify with the issuer's key is no evidence and is left to the engine.
 * Stateless.
 */
final class CrlEvidence {

    private CrlEvidence() {
    }

    /**
     * @param crls     the DER CRLs of the signature
     * @param signer   the signer's certificate, or null
     * @param issuer   its issuer's certificate as the engine found it, or null (then no CRL can be verified)
     * @param provenAt when the signature is proven to exist (time-stamp or time-mark), or null when unproven
     */
    static Optional<Finding> revocation(List<byte[]> crls, X509Certificate signer, X509Certificate issuer, Instant provenAt,
                                        String location) {
        if (crls.isEmpty() || signer == null || issuer == null) {
            return Optional.empty();
        }
        for (byte[] der : crls) {
            X509CRL crl;
            try {
                crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
                if (!crl.getIssuerX500Principal().equals(signer.getIssuerX500Principal())) {
                    continue;
                }
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(signer.getSerialNumber());
            if (entry == null) {
                continue;
            }
            Instant revoked = entry.getRevocationDate().toInstant();
            if (provenAt == null || !revoked.isAfter(provenAt)) {
                return Optional.of(Finding.of(FindingCode.OCSP_RESPONSES_CONTRADICT, location, "a CRL of the signer's CA in "
                        + "the signature lists the certificate as revoked at " + revoked
                        + (provenAt == null ? "" : ", not after the signature's proof of existence at " + provenAt)));
            }
        }
        return Optional.empty();
    }
}
