package ee.allkiri.core.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One period of a trust service's status history (ETSI TS 119 612 5.5).
 *
 * @param type                  the service type identifier URI (e.g. .../Svctype/CA/QC)
 * @param status                the status URI (e.g. .../Svcstatus/granted)
 * @param from                  start of the period
 * @param until                 end of the period (the start of the next one), or null if current
 * @param additionalServiceInfo additional service information URIs (e.g. ForeSignatures)
 * @param qualifiers            qualifier URIs of the service's qualification extensions
 *                              (e.g. .../SvcInfoExt/QCWithQSCD)
 */
public record ServiceStatus(String type, String status, Instant from, Instant until,
                            List<String> additionalServiceInfo, List<String> qualifiers) {
    public ServiceStatus {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        additionalServiceInfo = List.copyOf(additionalServiceInfo);
        qualifiers = List.copyOf(qualifiers);
    }
}
