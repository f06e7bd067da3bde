package ee.allkiri.core;

import java.util.Objects;

/**
 * A data file of a container (an entry outside META-INF other than {@code mimetype}).
 *
 * @param name     the ZIP entry name
 * @param mimeType the media type the manifest gives it, or null
 * @param size     uncompressed size in bytes
 * @param sha256   SHA-256 of the content, lower-case hex
 * @since 0.1.0
 */
public record DataFile(String name, String mimeType, long size, String sha256) {
    public DataFile {
        Objects.requireNonNull(name, "name");
    }
}
