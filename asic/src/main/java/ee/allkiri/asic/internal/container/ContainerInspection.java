package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.asic.internal.container.zip.ByteSource;
import ee.allkiri.asic.internal.container.zip.ZipDirectory;
import ee.allkiri.asic.internal.container.zip.ZipEntry;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.util.List;

/** One read of one container: runs the ZIP parse and the rules in order and builds the {@link ParsedContainer}. */
final class ContainerInspection {

    private final ByteSource source;
    private final ContainerLimits limits;
    private final ManifestParser manifestParser;
    private final Deadline deadline;
    private final FindingsCollector out = new FindingsCollector();

    private ZipDirectory directory;
    private EntryLayout layout;
    private EntryAccess access;
    private String mimetype;
    private List<ManifestEntry> manifest;
    private List<DataFileEntry> dataFiles = List.of();

    ContainerInspection(ByteSource source, ContainerLimits limits, ManifestParser manifestParser, Deadline deadline) {
        this.source = source;
        this.limits = limits;
        this.manifestParser = manifestParser;
        this.deadline = deadline;
    }

    ParsedContainer run() throws IOException {
        directory = ZipDirectory.read(source, limits.maxEntries());
        deadline.check();
        if (directory.fatal() != null) {
            return new ParsedContainer(source, null, List.of(directory.fatal()), directory.fatal(), null, null,
                    List.of(), List.of(), List.of());
        }
        List<ZipEntry> entries = directory.entries();
        for (ZipEntry entry : entries) {
            Finding problem = directory.problem(entry.index());
            if (problem != null) {
                out.add(entry.index(), problem);
            }
        }
        EntryNameRules.check(entries, out);
        layout = new EntryLayout(entries);
        access = new EntryAccess(source, directory, limits, layout.firstByName());
        LimitRules.check(entries, limits, out);
        if (out.firstLimit() == null) {
            mimetype = MimetypeRule.check(layout, access, out);
        }
        if (out.firstLimit() == null) {
            deadline.check();
            manifest = readManifest();
        }
        if (out.firstLimit() == null) {
            dataFiles = DataFileReader.read(layout, access, limits, manifest, out, deadline);
        }
        if (out.firstLimit() == null) {
            StructureRules.check(layout, manifest, dataFiles, out);
        }
        return build();
    }

    private List<ManifestEntry> readManifest() throws IOException {
        ZipEntry entry = layout.first(EntryLayout.MANIFEST);
        if (entry == null) {
            // ETSI EN 319 162-1 4.4.4.2: with CAdES signatures only, the ASiCManifests list what is signed
            if (!layout.cadesOnly()) {
                out.addContainer(FindingCode.MANIFEST_MISSING, null, "the container has no " + EntryLayout.MANIFEST);
            }
            return null;
        }
        if (access.problem(entry) != null) {
            return null;
        }
        byte[] xml;
        try {
            xml = access.readAll(entry, Math.min(limits.maxXmlSize(), limits.maxEntrySize()));
        } catch (EntryReadException e) {
            out.add(entry.index(), e.toFinding());
            return null;
        }
        ManifestParser.Result result = manifestParser.parse(xml);
        if (result.entries() == null) {
            out.add(entry.index(), FindingCode.MANIFEST_MALFORMED, entry.name(), "the manifest is " + result.problem());
        }
        return result.entries();
    }

    private ParsedContainer build() {
        List<String> names = directory.entries().stream().map(ZipEntry::name).toList();
        Finding blocking = out.firstLimit();
        if (blocking != null) {
            return new ParsedContainer(source, access, out.toList(), blocking, mimetype, manifest, List.of(),
                    List.of(), names);
        }
        List<String> signatures = layout.signatureFiles().stream().map(ZipEntry::name).toList();
        return new ParsedContainer(source, access, out.toList(), null, mimetype, manifest, dataFiles, signatures, names);
    }
}
