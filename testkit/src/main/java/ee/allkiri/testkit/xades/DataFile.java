package ee.allkiri.testkit.xades;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A file a signature covers: its name in the container, media type, content and SHA-256.
 *
 * @param name     entry name (the Reference URI)
 * @param mimeType media type, signed in DataObjectFormat and listed in the manifest
 * @param content  the bytes
 * @param sha256   SHA-256 of the bytes
 * @since 0.1.0
 */
public record DataFile(String name, String mimeType, byte[] content, byte[] sha256) {

    public DataFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static DataFile of(String name, String mimeType, byte[] content) {
        return new DataFile(name, mimeType, content, sha256(content));
    }

    public static DataFile text(String name, String content) {
        return of(name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }

    /** The same name and type with other content (a file changed after signing). */
    public DataFile withContent(byte[] other) {
        return of(name, mimeType, other);
    }

    public DataFile withMimeType(String other) {
        return new DataFile(name, other, content, sha256);
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
