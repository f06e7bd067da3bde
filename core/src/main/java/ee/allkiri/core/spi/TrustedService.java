package ee.allkiri.core.spi;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One trusted certificate and, when it comes from a trusted list, the service it identifies.
 *
 * @param certificate  the service's digital identity
 * @param name         service name, or the certificate subject for a plain anchor
 * @param providerName trust service provider name, or null
 * @param country      the list's territory, or null
 * @param history      status periods, newest first; empty for a plain anchor, which is
 *                     trusted at every time
 * @param listUrl      the {@link TrustListInfo#url()} of the list the service is in, or null
 *                     for a plain anchor
 *
 * @since 0.1.0
 */
public record TrustedService(X509Certificate certificate, String name, String providerName, String country,
                             List<ServiceStatus> history, String listUrl) {

    public TrustedService {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(name, "name");
        history = List.copyOf(history);
    }

    /** A certificate trusted as is, with no trusted-list data. */
    public static TrustedService anchor(X509Certificate certificate) {
        return new TrustedService(certificate, certificate.getSubjectX500Principal().getName(), null, null, List.of(),
                null);
    }

    /** True when the service comes from a trusted list (it has a status history). */
    public boolean isListed() {
        return !history.isEmpty();
    }

    /** The status period covering the instant, if any. */
    public Optional<ServiceStatus> statusAt(Instant instant) {
        return history.stream().filter(s -> s.covers(instant)).findFirst();
    }
}
