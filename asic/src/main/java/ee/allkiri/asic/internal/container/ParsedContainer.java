package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.internal.container.zip.ByteSource;
import ee.allkiri.core.Finding;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container as {@link ContainerReader} found it: its findings, its parts, and access to its entries.
 *
 * <p>Thread-safe: everything but the entry access is immutable, and {@link #readEntry(String)} and
 * {@link #openEntry(String)} use positional reads, so any number of threads may read entries at
 * once (each stream returned by {@code openEntry} is for one thread). Close it to release the file;
 * reads after {@link #close()} fail with an {@link IOException}.
 *
 * <p>When {@link #isReadable()} is false, {@link #dataFiles()} and {@link #signatureFiles()} are
 * empty, {@link #entryNames()} lists the entries only if the central directory could be parsed,
 * and entry reads throw {@link EntryReadException} with the code of the finding that made the
 * container unreadable.
 */
public final class ParsedContainer implements Closeable {

    private final ByteSource source;
    private final EntryAccess access;
    private final List<Finding> findings;
    private final Finding blocking;
    private final String mimetype;
    private final List<ManifestEntry> manifest;
    private final List<DataFileEntry> dataFiles;
    private final List<String> signatureFiles;
    private final List<String> entryNames;

    ParsedContainer(ByteSource source, EntryAccess access, List<Finding> findings, Finding blocking, String mimetype,
                    List<ManifestEntry> manifest, List<DataFileEntry> dataFiles, List<String> signatureFiles,
                    List<String> entryNames) {
        this.source = Objects.requireNonNull(source, "source");
        this.access = access;
        this.findings = List.copyOf(findings);
        this.blocking = blocking;
        this.mimetype = mimetype;
        this.manifest = manifest == null ? null : List.copyOf(manifest);
        this.dataFiles = List.copyOf(dataFiles);
        this.signatureFiles = List.copyOf(signatureFiles);
        this.entryNames = List.copyOf(entryNames);
    }

    /** Container-level findings: entry findings in archive order, then container findings in rule order. */
    public List<Finding> findings() {
        return findings;
    }

    /**
     * False when the archive cannot be used at all: not a ZIP, a damaged or unsupported directory,
     * or any LIMIT_* exceeded. Then nothing else should be validated.
     */
    public boolean isReadable() {
        return blocking == null;
    }

    /** The content of the {@code mimetype} entry with any BOM removed, or {@code null}. */
    public String mimetype() {
        return mimetype;
    }

    /** The entries of META-INF/manifest.xml; empty when it is missing, unreadable or malformed. */
    public Optional<List<ManifestEntry>> manifest() {
        return Optional.ofNullable(manifest);
    }

    /**
     * Data files in archive order: every entry but {@code mimetype}, META-INF/... and directories,
     * the first of each name, leaving out those that could not be read.
     */
    public List<DataFileEntry> dataFiles() {
        return dataFiles;
    }

    /**
     * Signature files in archive order, first of each name: direct children of META-INF/ whose name
     * contains "signatures" and ends ".xml" (XAdES), or contains "signature" and ends ".p7s" (CAdES).
     */
    public List<String> signatureFiles() {
        return signatureFiles;
    }

    /** Every central directory entry name in archive order, duplicates kept. */
    public List<String> entryNames() {
        return entryNames;
    }

    /**
     * The whole uncompressed content of the first entry with this name, CRC-checked; at most
     * {@code maxXmlSize} bytes for names ending ".xml", {@code maxEntrySize} otherwise.
     *
     * @throws EntryReadException when the entry is damaged, unsupported or over a limit
     * @throws java.nio.file.NoSuchFileException when there is no such entry
     * @throws IOException when the file cannot be read
     */
    public byte[] readEntry(String name) throws IOException {
        checkReadable(name);
        return access.readAll(access.find(name), access.maxSizeFor(name));
    }

    /**
     * A stream of the first entry with this name, bounded like {@link #readEntry(String)}; the CRC
     * is checked when the last byte is read. The stream is for one thread; close it.
     */
    public InputStream openEntry(String name) throws IOException {
        checkReadable(name);
        return access.open(access.find(name), access.maxSizeFor(name));
    }

    private void checkReadable(String name) throws EntryReadException {
        Objects.requireNonNull(name, "name");
        if (blocking != null) {
            throw new EntryReadException(blocking.code(), name, "the container is not readable: " + blocking.message());
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    @Override
    public String toString() {
        return "ParsedContainer[" + entryNames.size() + " entries, findings=" + findings.stream().map(Finding::code).toList() + "]";
    }
}
