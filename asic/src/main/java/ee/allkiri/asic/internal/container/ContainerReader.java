package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.internal.Deadline;
import ee.allkiri.asic.internal.container.zip.ByteSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads an ASiC-E / BDOC container: a hardened ZIP parser (own end-record, central directory and
 * local header parsing; ZIP64; data descriptors; STORED and DEFLATED only) followed by the
 * container structure rules of ETSI EN 319 162-1 and BDOC 2.1 (mimetype, manifest, entry names,
 * data files, META-INF). Bad content never throws: it becomes findings on the
 * {@link ParsedContainer}. Data files are streamed once to compute their SHA-256; memory does not
 * depend on entry sizes.
 *
 * <p>Immutable and thread-safe: build one per verifier configuration and share it. The limits come
 * from the caller; {@link ContainerLimits#DEFAULT} (200,000 entries, 1 GiB per entry, 4 GiB in all,
 * ratio 100 above 1 MiB, XML up to 16 MiB) suits signature bundles.
 */
public final class ContainerReader {

    private final ContainerLimits limits;
    private final ManifestParser manifestParser;

    public ContainerReader(ContainerLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.manifestParser = new ManifestParser();
    }

    public ContainerLimits limits() {
        return limits;
    }

    /**
     * Reads a container file. The returned container keeps the file open for entry reads: close it.
     *
     * @throws IOException only when the file itself cannot be read (missing, no permission, I/O
     *                     error); bad content gives findings
     */
    public ParsedContainer read(Path file) throws IOException {
        return read(file, Deadline.none());
    }

    /**
     * Reads a container file, checking the deadline between entries and while streaming data files.
     *
     * @throws Deadline.Exceeded when the deadline passes first (the file is closed)
     */
    public ParsedContainer read(Path file, Deadline deadline) throws IOException {
        ByteSource source = ByteSource.open(file);
        try {
            return new ContainerInspection(source, limits, manifestParser, deadline).run();
        } catch (IOException | RuntimeException | Error e) {
            try {
                source.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * Reads a container held in memory. The array is not copied: do not change it while the
     * returned container is in use. Never throws for content.
     */
    public ParsedContainer read(byte[] bytes) {
        return read(bytes, Deadline.none());
    }

    /**
     * Reads a container held in memory, checking the deadline between entries and while streaming data files.
     *
     * @throws Deadline.Exceeded when the deadline passes first
     */
    public ParsedContainer read(byte[] bytes, Deadline deadline) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            return new ContainerInspection(ByteSource.of(bytes), limits, manifestParser, deadline).run();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }
}
