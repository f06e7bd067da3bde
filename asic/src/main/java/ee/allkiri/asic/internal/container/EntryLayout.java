package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.internal.container.zip.ZipEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each entry is in an ASiC-E container (ETSI EN 319 162-1 A.1, 4.4.4.2): the {@code mimetype},
 * the manifest, signature files (XAdES {@code signatures*.xml} and CAdES {@code signature*.p7s}),
 * the ASiCManifests CAdES signatures sign, other META-INF entries, and data files. Only the first entry of a name
 * counts; later duplicates are reported by {@link EntryNameRules}. Immutable.
 */
final class EntryLayout {

    static final String MIMETYPE = "mimetype";
    static final String META_INF = "META-INF/";
    static final String MANIFEST = "META-INF/manifest.xml";

    private final Map<String, ZipEntry> firstByName;
    private final List<ZipEntry> dataFiles = new ArrayList<>();
    private final List<ZipEntry> signatureFiles = new ArrayList<>();
    private final List<ZipEntry> unknownMetaInf = new ArrayList<>();

    EntryLayout(List<ZipEntry> entries) {
        Map<String, ZipEntry> names = new HashMap<>(Math.max(16, entries.size() * 4 / 3 + 1));
        for (ZipEntry entry : entries) {
            if (names.putIfAbsent(entry.name(), entry) != null) {
                continue;
            }
            String name = entry.name();
            if (entry.isDirectory() || name.equals(MIMETYPE) || name.equals(MANIFEST)) {
                continue;
            }
            if (isSignatureFile(name) || CadesEntries.isSignature(name)) {
                signatureFiles.add(entry);
            } else if (CadesEntries.isManifest(name)) {
                continue; // what a CAdES signature signs; its verifier reads it
            } else if (name.startsWith(META_INF)) {
                unknownMetaInf.add(entry);
            } else {
                dataFiles.add(entry);
            }
        }
        this.firstByName = Collections.unmodifiableMap(names);
    }

    /** A direct child of META-INF/ whose name contains "signatures" and ends with ".xml". */
    static boolean isSignatureFile(String name) {
        if (!name.startsWith(META_INF) || !name.endsWith(".xml")) {
            return false;
        }
        String child = name.substring(META_INF.length());
        return child.indexOf('/') < 0 && child.contains("signatures");
    }

    /** True when the container has signatures and every one of them is a CAdES signature. */
    boolean cadesOnly() {
        return !signatureFiles.isEmpty() && signatureFiles.stream().allMatch(e -> CadesEntries.isSignature(e.name()));
    }

    Map<String, ZipEntry> firstByName() {
        return firstByName;
    }

    ZipEntry first(String name) {
        return firstByName.get(name);
    }

    List<ZipEntry> dataFiles() {
        return dataFiles;
    }

    List<ZipEntry> signatureFiles() {
        return signatureFiles;
    }

    List<ZipEntry> unknownMetaInf() {
        return unknownMetaInf;
    }
}
