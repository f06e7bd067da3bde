package ee.allkiri.ocsp;

import java.time.Duration;
import java.util.Objects;

/**
 * The time windows an OCSP response must fall in (RFC 6960 3.2 (4, 5), 4.2.2.1). Immutable.
 *
 * <p>{@link #STRICT}, the default: one minute of clock skew between responder and verifier,
 * and a status ({@code thisUpdate}) at most one hour older than the time it is used for (the
 * response's {@code producedAt} for an embedded response, the current time for an online one).
 * Responders that answer from a CRL give older statuses; {@link Builder#allowStatusAge} admits
 * them, up to a week.
 *
 * @since 0.1.0
 */
public final class OcspPolicy {

    /** The largest clock skew a policy may allow. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    /** The largest status age a policy may allow. */
    public static final Duration MAX_STATUS_AGE = Duration.ofDays(7);
    /** BDOC 2.1 5.3: an OCSP response later than this after the signature time-stamp is not fresh. */
    public static final Duration FRESHNESS = Duration.ofMinutes(15);
    /** SiVa and digidoc4j: an OCSP response more than this after the signature time-stamp fails the signature. */
    public static final Duration LATEST = Duration.ofHours(24);

    /** One minute of skew, statuses at most one hour old. */
    public static final OcspPolicy STRICT = new OcspPolicy(Duration.ofMinutes(1), Duration.ofHours(1));

    private final Duration clockSkew;
    private final Duration statusAge;

    private OcspPolicy(Duration clockSkew, Duration statusAge) {
        this.clockSkew = clockSkew;
        this.statusAge = statusAge;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How far the responder's clock may be ahead of or behind the verifier's. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** How much older than the time it is used for a response's thisUpdate may be. */
    public Duration statusAge() {
        return statusAge;
    }

    @Override
    public String toString() {
        return "OcspPolicy[clockSkew=" + clockSkew + ", statusAge=" + statusAge + "]";
    }

    /** Relaxes {@link #STRICT}. Not thread-safe; the policy it builds is immutable. */
    public static final class Builder {
        private Duration clockSkew = STRICT.clockSkew;
        private Duration statusAge = STRICT.statusAge;

        private Builder() {
        }

        /** Allow this much clock skew (default one minute, at most {@link #MAX_CLOCK_SKEW}). */
        public Builder allowClockSkew(Duration skew) {
            this.clockSkew = within(skew, MAX_CLOCK_SKEW, "clock skew");
            return this;
        }

        /** Allow statuses this old (default one hour, at most {@link #MAX_STATUS_AGE}). */
        public Builder allowStatusAge(Duration age) {
            this.statusAge = within(age, MAX_STATUS_AGE, "status age");
            return this;
        }

        public OcspPolicy build() {
            return new OcspPolicy(clockSkew, statusAge);
        }

        private static Duration within(Duration value, Duration max, String what) {
            Objects.requireNonNull(value, what);
            if (value.isNegative() || value.compareTo(max) > 0) {
                throw new IllegalArgumentException(what + " must be between 0 and " + max + ", not " + value);
            }
            return value;
        }
    }
}
