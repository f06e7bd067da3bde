package ee.allkiri.asic.internal.container;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import java.io.IOException;
import java.util.Objects;

/**
 * Thrown by {@link ParsedContainer#readEntry(String)} and {@link ParsedContainer#openEntry(String)}
 * (and by the streams the latter returns) when an entry is damaged, uses an unsupported ZIP
 * feature or goes over a limit. It carries the {@link FindingCode} to report, so a caller turns
 * it into a finding with {@link #toFinding()} instead of treating it as an I/O failure.
 */
public final class EntryReadException extends IOException {

    private static final long serialVersionUID = 1L;

    private final FindingCode code;
    private final String entryName;

    public EntryReadException(FindingCode code, String entryName, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
        this.entryName = entryName;
    }

    /** What to report: for example {@code ZIP_CORRUPT} or {@code LIMIT_ENTRY_SIZE}. */
    public FindingCode code() {
        return code;
    }

    /** The entry that could not be read, or {@code null}. */
    public String entryName() {
        return entryName;
    }

    /** This failure as a finding located at the entry. */
    public Finding toFinding() {
        return Finding.of(code, entryName, getMessage());
    }
}
