package ee.allkiri.asic.internal.container;

/**
 * The entries of an ASiC-E container with CAdES signatures (ETSI EN 319 162-1 4.4.4.2): the
 * signatures {@code META-INF/*signature*.p7s} and the ASiCManifests {@code META-INF/ASiCManifest*.xml}
 * they sign (A.4), both direct children of META-INF/.
 */
public final class CadesEntries {

    private CadesEntries() {
    }

    /** A CAdES signature file: a direct child of META-INF/ whose name contains "signature" and ends ".p7s". */
    public static boolean isSignature(String name) {
        String child = metaInfChild(name);
        return child != null && child.endsWith(".p7s") && child.contains("signature");
    }

    /** An ASiCManifest: a direct child of META-INF/ whose name starts "ASiCManifest" and ends ".xml". */
    public static boolean isManifest(String name) {
        String child = metaInfChild(name);
        return child != null && child.endsWith(".xml") && child.startsWith("ASiCManifest");
    }

    private static String metaInfChild(String name) {
        if (!name.startsWith(EntryLayout.META_INF)) {
            return null;
        }
        String child = name.substring(EntryLayout.META_INF.length());
        return child.indexOf('/') < 0 ? child : null;
    }
}
