package ee.allkiri.asic.internal.container;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.internal.container.zip.ByteSource;
import ee.allkiri.asic.internal.container.zip.EntryInputStream;
import ee.allkiri.asic.internal.container.zip.ZipDirectory;
import ee.allkiri.asic.internal.container.zip.ZipEntry;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Map;

/**
 * Reads entries of a parsed archive within the limits. Thread-safe: it holds only immutable state
 * and a {@link ByteSource} read by position.
 */
final class EntryAccess {

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

    private final ByteSource source;
    private final ZipDirectory directory;
    private final ContainerLimits limits;
    private final Map<String, ZipEntry> byName;

    EntryAccess(ByteSource source, ZipDirectory directory, ContainerLimits limits, Map<String, ZipEntry> byName) {
        this.source = source;
        this.directory = directory;
        this.limits = limits;
        this.byName = byName;
    }

    /** The first entry of that name. */
    ZipEntry find(String name) throws NoSuchFileException {
        ZipEntry entry = byName.get(name);
        if (entry == null) {
            throw new NoSuchFileException(name, null, "the container has no such entry");
        }
        return entry;
    }

    /** The uncompressed-size limit for reading {@code name} through the public API. */
    long maxSizeFor(String name) {
        return name.endsWith(".xml") ? Math.min(limits.maxXmlSize(), limits.maxEntrySize()) : limits.maxEntrySize();
    }

    /** Why the entry cannot be read at all (found while parsing the directory), or {@code null}. */
    Finding problem(ZipEntry entry) {
        return directory.problem(entry.index());
    }

    InputStream open(ZipEntry entry, long maxSize) throws EntryReadException {
        Finding problem = problem(entry);
        if (problem != null) {
            throw new EntryReadException(problem.code(), entry.name(), problem.message());
        }
        return EntryInputStream.open(source, entry, maxSize, limits.maxCompressionRatio(), limits.ratioThreshold());
    }

    byte[] readAll(ZipEntry entry, long maxSize) throws IOException {
        if (entry.size() > MAX_ARRAY && entry.size() <= maxSize) {
            throw new EntryReadException(FindingCode.LIMIT_ENTRY_SIZE, entry.name(),
                    "the entry declares " + entry.size() + " bytes, too many to read into memory; stream it");
        }
        try (InputStream in = open(entry, maxSize)) {
            byte[] content = new byte[(int) entry.size()];
            int done = 0;
            while (done < content.length) {
                int n = in.read(content, done, content.length - done);
                if (n < 0) {
                    throw new EntryReadException(FindingCode.ZIP_CORRUPT, entry.name(), "the data ends early");
                }
                done += n;
            }
            if (in.read() != -1) {
                throw new EntryReadException(FindingCode.ZIP_CORRUPT, entry.name(), "the data is longer than declared");
            }
            return content;
        }
    }
}
