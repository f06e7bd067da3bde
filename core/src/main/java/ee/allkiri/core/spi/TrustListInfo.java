package ee.allkiri.core.spi;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A trusted list as loaded: enough to say which list, which version and whether it was
 * fresh at a given time.
 *
 * @param name       territory, e.g. {@code EE} or {@code EE_T}
 * @param url        the list's location: where it is published (the identity other lists
 *                   point to), not necessarily where this copy was read from
 * @param kind       a list of trusted lists or a trusted list of services
 * @param version    TSL version identifier (5 or 6 for current EU lists)
 * @param sequence   TSL sequence number
 * @param issued     list issue date-time
 * @param nextUpdate next update, or null for a closed list
 * @param sha256     SHA-256 of the XML bytes, hex
 * @param parentUrl  the url of the list of lists that pointed to this one, or null
 * @param signer     the certificate whose signature on the list was verified
 * @since 0.1.0
 */
public record TrustListInfo(String name, String url, Kind kind, int version, int sequence, Instant issued,
                            Instant nextUpdate, String sha256, String parentUrl, X509Certificate signer) {

    /** The two kinds of list ETSI TS 119 612 defines for the EU. */
    public enum Kind { LIST_OF_LISTS, TRUSTED_LIST }

    public TrustListInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(issued, "issued");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** True when the list was past its next update at the instant. */
    public boolean isStaleAt(Instant instant) {
        return nextUpdate != null && instant.isAfter(nextUpdate);
    }
}
