package ee.allkiri.ocsp;

/** The bytes are not a successful, parseable basic OCSP response. */
public final class OcspFormatException extends Exception {
    public OcspFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    public OcspFormatException(String message) {
        super(message);
    }
}
