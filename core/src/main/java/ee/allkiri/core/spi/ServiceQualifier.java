package ee.allkiri.core.spi;

import java.util.List;
import java.util.Objects;

/**
 * Qualifiers that a trusted list attaches to the certificates of a service that match the
 * criteria (ETSI TS 119 612 5.5.9.2, {@code QualificationElement}), e.g. {@code QCWithQSCD}
 * for certificates with the nonRepudiation bit.
 *
 * @param qualifiers qualifier URIs, e.g. {@code http://uri.etsi.org/TrstSvc/TrustedList/SvcInfoExt/QCWithQSCD}
 * @param criteria   the certificates they apply to
 * @param critical   whether the extension carrying them is marked critical
 * @since 0.1.0
 */
public record ServiceQualifier(List<String> qualifiers, CertificateCriteria criteria, boolean critical) {
    public ServiceQualifier {
        qualifiers = List.copyOf(qualifiers);
        Objects.requireNonNull(criteria, "criteria");
    }
}
