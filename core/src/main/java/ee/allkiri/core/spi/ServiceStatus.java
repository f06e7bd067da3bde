package ee.allkiri.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One period of a trust service's status history (ETSI TS 119 612 5.5.4 to 5.5.10 and 5.6).
 *
 * @param type                  the service type identifier URI (e.g. .../Svctype/CA/QC)
 * @param status                the status URI (e.g. .../Svcstatus/granted)
 * @param from                  start of the period
 * @param until                 end of the period (the start of the next one), or null if current
 * @param additionalServiceInfo additional service information URIs (e.g. ForeSignatures)
 * @param qualifiers            the qualification extensions: qualifiers with the certificates
 *                              they apply to
 *
 * @since 0.1.0
 */
public record ServiceStatus(String type, String status, Instant from, Instant until,
                            List<String> additionalServiceInfo, List<ServiceQualifier> qualifiers) {
    public ServiceStatus {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        additionalServiceInfo = List.copyOf(additionalServiceInfo);
        qualifiers = List.copyOf(qualifiers);
    }

    /** True when the period covers the instant (from inclusive, until exclusive). */
    public boolean covers(Instant instant) {
        return !instant.isBefore(from) && (until == null || instant.isBefore(until));
    }

    /** The last segment of the status URI, e.g. {@code granted} or {@code withdrawn}. */
    public String statusName() {
        return status.substring(status.lastIndexOf('/') + 1);
    }

    /** The type URI after {@code Svctype/}, e.g. {@code CA/QC} or {@code TSA/QTST}. */
    public String typeName() {
        int i = type.indexOf("Svctype/");
        return i < 0 ? type : type.substring(i + "Svctype/".length());
    }
}
