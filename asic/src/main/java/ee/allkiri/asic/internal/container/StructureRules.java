package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.internal.container.zip.ZipEntry;
import ee.allkiri.core.FindingCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the parts fit together (BDOC 2.1 6.1, 6.2; ETSI EN 319 162-1 A.1, 4.4.3): the manifest's
 * root entry, manifest entries missing from the ZIP, data files missing from the manifest, empty
 * data files, signatures without data files, and unknown META-INF entries. Full paths are compared
 * exactly as written, without URL decoding.
 */
final class StructureRules {

    private StructureRules() {
    }

    static void check(EntryLayout layout, List<ManifestEntry> manifest, List<DataFileEntry> dataFiles,
                      FindingsCollector out) {
        if (manifest != null) {
            checkManifest(layout, manifest, out);
        }
        for (DataFileEntry file : dataFiles) {
            if (file.size() == 0) {
                out.add(layout.first(file.name()).index(), FindingCode.DATA_FILE_EMPTY, file.name(), "the data file is empty");
            }
        }
        if (layout.dataFiles().isEmpty() && !layout.signatureFiles().isEmpty()) {
            out.addContainer(FindingCode.NO_DATA_FILES, null, "the container has "
                    + layout.signatureFiles().size() + " signature file(s) but no data file");
        }
        for (ZipEntry entry : layout.unknownMetaInf()) {
            out.add(entry.index(), FindingCode.META_INF_UNKNOWN_ENTRY, entry.name(),
                    "META-INF holds '" + entry.name() + "', neither the manifest nor a signature file");
        }
    }

    private static void checkManifest(EntryLayout layout, List<ManifestEntry> manifest, FindingsCollector out) {
        int manifestIndex = layout.first(EntryLayout.MANIFEST).index();
        ManifestEntry root = manifest.stream().filter(m -> m.fullPath().equals("/")).findFirst().orElse(null);
        if (root == null) {
            out.add(manifestIndex, FindingCode.MANIFEST_ROOT_ENTRY, EntryLayout.MANIFEST, "the manifest has no '/' entry");
        } else if (!MimetypeRule.ASIC_E.equals(root.mediaType())) {
            out.add(manifestIndex, FindingCode.MANIFEST_ROOT_ENTRY, EntryLayout.MANIFEST,
                    "the manifest's '/' entry has media type '" + root.mediaType() + "'");
        }
        Set<String> listed = new HashSet<>();
        for (ManifestEntry m : manifest) {
            String path = m.fullPath();
            if (!listed.add(path) || path.equals("/") || path.endsWith("/") || path.startsWith(EntryLayout.META_INF)) {
                continue;
            }
            if (layout.first(path) == null) {
                out.addContainer(FindingCode.MANIFEST_ENTRY_NOT_IN_CONTAINER, path,
                        "the manifest lists '" + path + "', which the container does not have");
            }
        }
        for (ZipEntry entry : layout.dataFiles()) {
            if (!listed.contains(entry.name())) {
                out.add(entry.index(), FindingCode.DATA_FILE_NOT_IN_MANIFEST, entry.name(),
                        "the data file '" + entry.name() + "' is not in the manifest");
            }
        }
    }
}
