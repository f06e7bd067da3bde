package ee.allkiri.asic.testing;

import ee.allkiri.testkit.forge.Manifest;
import ee.allkiri.testkit.pki.Persona;
import ee.allkiri.testkit.xades.DataFile;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.EncryptionAlgorithm;
import eu.europa.esig.dss.enumerations.MimeTypeEnum;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Signs a data file with a testkit persona's key, XAdES baseline B detached (DSS's signing
 * service, offline), and packs it as an ASiC-E: what a signature without revocation data looks like.
 */
public final class ContainerForge {

    private ContainerForge() {
    }

    /** An ASiC-E with one data file and one B-level signature by {@code signer} (with its issuer in the chain). */
    public static byte[] bLevel(Persona signer, String fileName, String content, Instant signingTime) {
        DataFile file = DataFile.text(fileName, content);
        DSSDocument document = new InMemoryDocument(file.content(), fileName, MimeTypeEnum.TEXT);
        DigestAlgorithm digest = DigestAlgorithm.forJavaName(signer.signer().type().digest());
        XAdESSignatureParameters parameters = new XAdESSignatureParameters();
        parameters.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        parameters.setSignaturePackaging(SignaturePackaging.DETACHED);
        parameters.setDigestAlgorithm(digest);
        parameters.setSigningCertificate(new CertificateToken(signer.certificate()));
        parameters.setCertificateChain(new CertificateToken(signer.issuer().certificate()));
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        XAdESService service = new XAdESService(new CommonCertificateVerifier(true));
        ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
        byte[] value = signer.signer().signDer(toBeSigned.getBytes());
        SignatureAlgorithm algorithm = SignatureAlgorithm.getAlgorithm(
                EncryptionAlgorithm.forKey(signer.certificate().getPublicKey()), digest);
        DSSDocument signed = service.signDocument(document, parameters, new SignatureValue(algorithm, value));
        return ee.allkiri.testkit.forge.ContainerForge.layout(List.of(file), Manifest.of(List.of(file)),
                List.of(DSSUtils.toByteArray(signed))).toBytes();
    }
}
