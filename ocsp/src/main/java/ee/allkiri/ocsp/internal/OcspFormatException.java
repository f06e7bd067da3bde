package ee.allkiri.ocsp.internal;

/**
 * The bytes are not a successful, parseable basic OCSP response. When the envelope parsed but
 * the responder answered with an error status (RFC 6960 4.2.1), {@link #responseStatus()} gives it.
 */
public final class OcspFormatException extends Exception {

    /** {@link #responseStatus()} when the envelope did not parse. */
    public static final int NO_STATUS = -1;
    /** OCSPResponseStatus internalError. */
    public static final int INTERNAL_ERROR = 2;
    /** OCSPResponseStatus tryLater. */
    public static final int TRY_LATER = 3;

    private final int responseStatus;

    public OcspFormatException(String message, Throwable cause) {
        super(message, cause);
        this.responseStatus = NO_STATUS;
    }

    public OcspFormatException(String message) {
        this(message, NO_STATUS);
    }

    public OcspFormatException(String message, int responseStatus) {
        super(message);
        this.responseStatus = responseStatus;
    }

    /** The OCSPResponseStatus the responder sent (1 malformedRequest ... 6 unauthorized), or {@link #NO_STATUS}. */
    public int responseStatus() {
        return responseStatus;
    }
}
