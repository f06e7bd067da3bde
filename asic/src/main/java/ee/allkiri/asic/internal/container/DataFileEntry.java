package ee.allkiri.asic.internal.container;

import ee.allkiri.core.DataFile;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A data file of the container as the reader found it.
 *
 * @param name              ZIP entry name
 * @param size              uncompressed size (as read, not as declared)
 * @param manifestMediaType media type given by the manifest, or null if it has no entry
 * @param sha256            SHA-256 of the content, computed while reading
 */
public record DataFileEntry(String name, long size, String manifestMediaType, byte[] sha256) {
    public DataFileEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.clone();
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** The data file as reports show it (SHA-256 in lower-case hex). */
    public DataFile toDataFile() {
        return new DataFile(name, manifestMediaType, size, HexFormat.of().formatHex(sha256));
    }
}
