package ee.allkiri.core;

import java.util.Objects;

/**
 * One observation about a container or a signature.
 *
 * @param code     stable identifier; tests and tools compare this, never the message
 * @param severity how the finding weighs on the verdict
 * @param message  English explanation for people; its wording may change between versions
 * @param location where it was found: a ZIP entry name, a signature file, or {@code null}
 * @since 0.1.0
 */
public record Finding(FindingCode code, Severity severity, String message, String location) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    /** A finding with the code's default severity. */
    public static Finding of(FindingCode code, String location, String message) {
        return new Finding(code, code.defaultSeverity(), message, location);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
