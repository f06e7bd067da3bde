package ee.allkiri.asic.testing;

import ee.allkiri.testkit.pki.Persona;
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
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Signs a data file with a testkit persona's key, XAdES baseline B detached (DSS's signing
 * service, offline), and packs it as an ASiC-E: what a signature without revocation data looks like.
 */
public final class ContainerForge {

    private ContainerForge() {
    }

    /** An ASiC-E with one data file and one B-level signature by {@code signer} (with its issuer in the chain). */
    public static byte[] bLevel(Persona signer, String fileName, String content, Instant signingTime) {
        DSSDocument document = new InMemoryDocument(content.getBytes(StandardCharsets.UTF_8), fileName, MimeTypeEnum.TEXT);
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
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            byte[] mimetype = "application/vnd.etsi.asic-e+zip".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            put(zip, fileName, content.getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/manifest.xml", manifest(fileName).getBytes(StandardCharsets.UTF_8));
            put(zip, "META-INF/signatures0.xml", signed.openStream().readAllBytes());
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String manifest(String fileName) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.etsi.asic-e+zip\"/>\n"
                + "<manifest:file-entry manifest:full-path=\"" + fileName + "\" manifest:media-type=\"text/plain\"/>\n"
                + "</manifest:manifest>\n";
    }
}
