package ee.allkiri.testkit.cades;

import ee.allkiri.testkit.Identifiers;
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

    private AsicManifest() {
    }

    /** The manifest for the signature entry over the files. */
    public static byte[] of(String signatureEntry, List<DataFile> files) {
        StringBuilder b = new StringBuilder(512 + 256 * files.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>")
                .append("<asic:ASiCManifest xmlns:asic=\"").append(Identifiers.ASIC)
                .append("\" xmlns:ds=\"").append(Identifiers.DS).append("\">")
                .append("<asic:SigReference MimeType=\"application/x-pkcs7-signature\" URI=\"").append(escape(signatureEntry))
                .append("\"/>");
        for (DataFile file : files) {
            b.append("<asic:DataObjectReference MimeType=\"").append(escape(file.mimeType())).append("\" URI=\"")
                    .append(escape(file.name())).append("\">")
                    .append("<ds:DigestMethod Algorithm=\"").append(Identifiers.SHA256).append("\"/>")
                    .append("<ds:DigestValue>").append(Base64.getEncoder().encodeToString(file.sha256()))
                    .append("</ds:DigestValue></asic:DataObjectReference>");
        }
        return b.append("</asic:ASiCManifest>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
