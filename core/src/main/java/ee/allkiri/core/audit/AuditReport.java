package ee.allkiri.core.audit;

import ee.allkiri.core.ContainerReport;
import java.util.List;

/**
 * The result of an audit: the containers as verified, every signature with its count or
 * exclusions (in container order, then signature order), the policy and the figures.
 *
 * @since 0.1.0
 */
public record AuditReport(List<ContainerReport> containers, List<AuditedSignature> signatures, AuditPolicy policy,
                          AuditSummary summary) {
    public AuditReport {
        containers = List.copyOf(containers);
        signatures = List.copyOf(signatures);
    }
}
