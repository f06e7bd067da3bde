package ee.allkiri.core.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A trusted list as loaded: enough to say which list, which version and whether it was
 * fresh at a given time.
 *
 * @param name       territory or list name, e.g. {@code EE}
 * @param url        where it came from (file or URL)
 * @param sequence   TSL sequence number
 * @param issued     list issue date-time
 * @param nextUpdate next update, or null for a closed list
 * @param sha256     SHA-256 of the XML bytes, hex
 */
public record TrustListInfo(String name, String url, int sequence, Instant issued, Instant nextUpdate, String sha256) {
    public TrustListInfo {
        Objects.requireNonNull(name, "name");
    }

    /** True when the list was past its next update at the instant. */
    public boolean isStaleAt(Instant instant) {
        return nextUpdate != null && instant.isAfter(nextUpdate);
    }
}
