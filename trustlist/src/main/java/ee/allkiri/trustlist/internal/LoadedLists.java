package ee.allkiri.trustlist.internal;

import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustedService;
import java.util.List;
import java.util.Map;

/**
 * Lists that were read and whose signatures verified.
 *
 * @param lists     every list, the root first
 * @param services  the services of every trusted list
 * @param documents the bytes of each list by url, as verified
 */
public record LoadedLists(List<TrustListInfo> lists, List<TrustedService> services, Map<String, byte[]> documents) {
    public LoadedLists {
        lists = List.copyOf(lists);
        services = List.copyOf(services);
        documents = Map.copyOf(documents);
    }
}
