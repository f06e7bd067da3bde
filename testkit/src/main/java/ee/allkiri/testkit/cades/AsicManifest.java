package ee.allkiri.testkit.cades;

import ee.allkiri.testkit.xades.DataFile;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * An ASiCManifest (ETSI EN 319 162-1 A.4): the file a CAdES signature of an ASiC-E container
 * signs, naming the signature ({@code SigReference}) and each data file with its SHA-256
 * ({@code DataObjectReference}).
 *
 * @since 0.1.0
 */
public final class AsicManifest {

    public static final String NAMESPACE = "http://uri.etsi.org/02918/v1.2.1#";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private AsicManifest() {
    }

    /** The manifest for the signature entry over the files. */
    public static byte[] of(String signatureEntry, List<DataFile> files) {
        StringBuilder b = new StringBuilder(512 + 256 * files.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>")
                .append("<asic:ASiCManifest xmlns:asic=\"").append(NAMESPACE)
                .append("\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">")
                .append("<asic:SigReference MimeType=\"application/x-pkcs7-signature\" URI=\"").append(escape(signatureEntry))
                .append("\"/>");
        for (DataFile file : files) {
            b.append("<asic:DataObjectReference MimeType=\"").append(escape(file.mimeType())).append("\" URI=\"")
                    .append(escape(file.name())).append("\">")
                    .append("<ds:DigestMethod Algorithm=\"").append(SHA256).append("\"/>")
                    .append("<ds:DigestValue>").append(Base64.getEncoder().encodeToString(file.sha256()))
                    .append("</ds:DigestValue></asic:DataObjectReference>");
        }
        return b.append("</asic:ASiCManifest>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
