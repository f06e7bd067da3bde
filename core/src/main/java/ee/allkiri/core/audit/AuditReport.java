package ee.allkiri.core.audit;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.PersonalCode;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

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

    /**
     * The personal codes of the counted signers, for the population-register query: sorted, each
     * once, in full (this is personal data). An Estonian code is its eleven digits; a personal
     * number of another country (counted only when the policy makes it eligible) its ETSI form,
     * e.g. {@code PNOLV-321806-14495}.
     */
    public List<String> countedPersonalCodes() {
        TreeSet<String> codes = new TreeSet<>();
        for (AuditedSignature s : signatures) {
            if (!s.counted() || s.signature().signer() == null) {
                continue;
            }
            Optional<PersonalCode> code = s.signature().signer().parsedPersonalCode();
            code.ifPresent(c -> codes.add(c.isEstonian() ? c.code() : c.semanticForm()));
        }
        return List.copyOf(codes);
    }
}
