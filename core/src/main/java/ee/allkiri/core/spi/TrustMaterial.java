package ee.allkiri.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Loaded trust: the trusted services (each with its certificate) and the trusted lists they
 * came from, if any. Immutable and thread-safe.
 *
 * @param services    every trusted certificate with what is known about its service
 * @param lists       the trusted lists the services were read from; empty for plain anchors
 * @param description where it came from, for reports
 * @since 0.1.0
 */
public record TrustMaterial(List<TrustedService> services, List<TrustListInfo> lists, String description) {

    public TrustMaterial {
        services = List.copyOf(services);
        lists = List.copyOf(lists);
        Objects.requireNonNull(description, "description");
    }

    /** Combines several sources' material into one. */
    public static TrustMaterial merge(List<TrustMaterial> parts) {
        List<TrustedService> services = parts.stream().flatMap(p -> p.services().stream()).toList();
        List<TrustListInfo> lists = parts.stream().flatMap(p -> p.lists().stream()).toList();
        String description = String.join(" + ", parts.stream().map(TrustMaterial::description).toList());
        return new TrustMaterial(services, lists, description);
    }

    /** True when any service carries trusted-list data (type and status history). */
    public boolean hasTrustedListData() {
        return services.stream().anyMatch(TrustedService::isListed);
    }

    /** The lists that were past their next update at the instant, in load order. */
    public List<TrustListInfo> staleListsAt(java.time.Instant instant) {
        return lists.stream().filter(l -> l.isStaleAt(instant)).toList();
    }
}
