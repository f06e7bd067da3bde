package ee.allkiri.testkit.forge;

import ee.allkiri.testkit.Identifiers;
import ee.allkiri.testkit.xades.DataFile;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * META-INF/manifest.xml of an ASiC-E container (OpenDocument 1.2 part 3, 3.2).
 *
 * @since 0.1.0
 */
public final class Manifest {

    /** The ASiC-E media type ({@link Identifiers#ASIC_E}). */
    public static final String ASIC_E = Identifiers.ASIC_E;

    private Manifest() {
    }

    /** A manifest with the root entry and one entry per file. */
    public static byte[] of(List<DataFile> files) {
        StringBuilder b = new StringBuilder(256 + 96 * files.size());
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<manifest:manifest xmlns:manifest=\"").append(Identifiers.MANIFEST).append("\" manifest:version=\"1.2\">\n")
                .append("  <manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"").append(ASIC_E)
                .append("\"/>\n");
        for (DataFile file : files) {
            b.append("  <manifest:file-entry manifest:full-path=\"").append(escape(file.name()))
                    .append("\" manifest:media-type=\"").append(escape(file.mimeType())).append("\"/>\n");
        }
        return b.append("</manifest:manifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }
}
