package ee.allkiri.asic.internal.container.zip;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.EOFException;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The parsed structure of a ZIP archive: the end records, the central directory (parsed once) and
 * the local headers. Either {@link #fatal()} names why the archive cannot be used at all
 * ({@code NOT_A_ZIP}, {@code ZIP_CORRUPT}, {@code ZIP_UNSUPPORTED}, {@code LIMIT_ENTRY_COUNT}),
 * or {@link #entries()} lists every entry and {@link #problem(int)} says which of them cannot be
 * read (encrypted, unknown method, local header disagreeing with the central directory). Immutable.
 */
public final class ZipDirectory {

    private static final long LOCAL_SIGNATURE = 0x04034b50L;
    private static final int MIN_CENTRAL_HEADER = 46;

    private final List<ZipEntry> entries;
    private final Finding[] problems;
    private final Finding fatal;

    ZipDirectory(List<ZipEntry> entries, Finding[] problems, Finding fatal) {
        this.entries = entries;
        this.problems = problems;
        this.fatal = fatal;
    }

    /**
     * Parses the archive's directory.
     *
     * @param maxEntries more entries than this is {@code LIMIT_ENTRY_COUNT}, found before any entry is parsed
     * @throws IOException only when the source itself cannot be read
     */
    public static ZipDirectory read(ByteSource source, int maxEntries) throws IOException {
        Objects.requireNonNull(source, "source");
        try {
            return parse(source, maxEntries);
        } catch (ZipFault fault) {
            return failed(fault.finding());
        } catch (EOFException e) {
            return failed(Finding.of(FindingCode.ZIP_CORRUPT, null, "the archive is truncated: " + e.getMessage()));
        }
    }

    private static ZipDirectory failed(Finding finding) {
        return new ZipDirectory(List.of(), new Finding[0], finding);
    }

    private static ZipDirectory parse(ByteSource source, int maxEntries) throws IOException, ZipFault {
        boolean startsWithLocalHeader = startsWithLocalHeader(source);
        EndRecord end = EndRecord.find(source);
        if (end == null) {
            if (startsWithLocalHeader) {
                throw ZipFault.corrupt(null, "the archive has no end of central directory record: it is truncated or damaged");
            }
            throw new ZipFault(FindingCode.NOT_A_ZIP, null, "the file is not a ZIP archive");
        }
        if (end.centralOffset() < 0 || end.centralOffset() > end.centralEnd()
                || end.centralSize() != end.centralEnd() - end.centralOffset()) {
            throw ZipFault.corrupt(null, "the central directory offset " + end.centralOffset() + " and size "
                    + end.centralSize() + " do not end at the end record");
        }
        if (end.entryCount() > maxEntries) {
            throw new ZipFault(FindingCode.LIMIT_ENTRY_COUNT, null, "the archive has " + end.entryCount()
                    + " entries; the limit is " + maxEntries);
        }
        if (end.entryCount() > end.centralSize() / MIN_CENTRAL_HEADER) {
            throw ZipFault.corrupt(null, "a central directory of " + end.centralSize() + " bytes cannot hold "
                    + end.entryCount() + " entries");
        }
        if (end.entryCount() == 0) {
            if (end.centralOffset() != 0) {
                throw ZipFault.corrupt(null, "an empty archive with " + end.centralOffset() + " bytes before its directory");
            }
            return new ZipDirectory(List.of(), new Finding[0], null);
        }
        if (!startsWithLocalHeader) {
            throw ZipFault.corrupt(null, "the archive does not start with a local file header");
        }
        List<CentralRecord> records = CentralDirectory.parse(source, end);
        return LocalHeaders.resolve(source, records, end.centralOffset());
    }

    private static boolean startsWithLocalHeader(ByteSource source) throws IOException {
        if (source.size() < 4) {
            return false;
        }
        byte[] head = new byte[4];
        source.readFully(0, head, 0, 4);
        return Bytes.u32(head, 0) == LOCAL_SIGNATURE;
    }

    /** Why the archive cannot be used at all, or {@code null} when it can. */
    public Finding fatal() {
        return fatal;
    }

    /** Every central directory entry in archive order (duplicates kept); empty when {@link #fatal()}. */
    public List<ZipEntry> entries() {
        return entries;
    }

    /** Why the entry at {@code index} cannot be read, or {@code null} when it can. */
    public Finding problem(int index) {
        return problems[index];
    }
}
