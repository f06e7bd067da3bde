package ee.allkiri.trustlist.internal;

import ee.allkiri.core.spi.CertificateCriteria;
import ee.allkiri.core.spi.ServiceQualifier;
import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustedService;
import eu.europa.esig.dss.enumerations.Assert;
import eu.europa.esig.dss.model.tsl.Condition;
import eu.europa.esig.dss.model.tsl.ConditionForQualifiers;
import eu.europa.esig.dss.model.tsl.TrustService;
import eu.europa.esig.dss.model.tsl.TrustServiceProvider;
import eu.europa.esig.dss.model.tsl.TrustServiceStatusAndInformationExtensions;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.tsl.dto.condition.CertSubjectDNAttributeCondition;
import eu.europa.esig.dss.tsl.dto.condition.CompositeCondition;
import eu.europa.esig.dss.tsl.dto.condition.ExtendedKeyUsageCondition;
import eu.europa.esig.dss.tsl.dto.condition.KeyUsageCondition;
import eu.europa.esig.dss.tsl.dto.condition.PolicyIdCondition;
import eu.europa.esig.dss.tsl.dto.condition.QCStatementCondition;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reads DSS's parsed trust service providers into allkiri's {@link TrustedService}s. */
final class ServiceReader {

    private ServiceReader() {
    }

    static List<TrustedService> read(List<TrustServiceProvider> providers, String territory, String listUrl)
            throws IOException {
        List<TrustedService> out = new ArrayList<>();
        for (TrustServiceProvider provider : providers) {
            String providerName = name(provider.getNames());
            for (TrustService service : provider.getServices()) {
                List<ServiceStatus> history = new ArrayList<>();
                String serviceName = null;
                for (TrustServiceStatusAndInformationExtensions s : service.getStatusAndInformationExtensions()) {
                    history.add(status(s));
                    if (serviceName == null) {
                        serviceName = name(s.getNames());
                    }
                }
                history.sort(Comparator.comparing(ServiceStatus::from).reversed());
                for (CertificateToken token : service.getCertificates()) {
                    String name = serviceName != null ? serviceName : token.getSubject().getRFC2253();
                    out.add(new TrustedService(token.getCertificate(), name, providerName, territory, history, listUrl));
                }
            }
        }
        return out;
    }

    private static ServiceStatus status(TrustServiceStatusAndInformationExtensions s) throws IOException {
        List<ServiceQualifier> qualifiers = new ArrayList<>();
        if (s.getConditionsForQualifiers() != null) {
            for (ConditionForQualifiers c : s.getConditionsForQualifiers()) {
                qualifiers.add(new ServiceQualifier(c.getQualifiers(), criteria(c.getCondition()), c.isCritical()));
            }
        }
        List<String> info = s.getAdditionalServiceInfoUris() == null ? List.of() : s.getAdditionalServiceInfoUris();
        return new ServiceStatus(s.getType(), s.getStatus(), instant(s.getStartDate()), instant(s.getEndDate()), info,
                qualifiers);
    }

    static CertificateCriteria criteria(Condition condition) throws IOException {
        if (condition instanceof CompositeCondition c) {
            List<CertificateCriteria> members = new ArrayList<>();
            for (Condition child : c.getChildren()) {
                members.add(criteria(child));
            }
            return new CertificateCriteria.Group(match(c.getMatchingCriteriaIndicator()), members);
        }
        if (condition instanceof KeyUsageCondition k) {
            return new CertificateCriteria.KeyUsageBit(k.getBit().getValue(), k.getValue());
        }
        if (condition instanceof PolicyIdCondition p) {
            return new CertificateCriteria.PolicyIdentifier(p.getPolicyOid());
        }
        if (condition instanceof ExtendedKeyUsageCondition e) {
            return new CertificateCriteria.ExtendedKeyUsage(e.getKeyPurposeIds());
        }
        if (condition instanceof CertSubjectDNAttributeCondition d) {
            return new CertificateCriteria.SubjectAttributes(d.getAttributeOids());
        }
        if (condition instanceof QCStatementCondition q) {
            return new CertificateCriteria.QcStatement(q.getOid(), q.getType(), q.getLegislation());
        }
        throw new IOException("unsupported qualification criteria in a trusted list: " + condition);
    }

    private static CertificateCriteria.Match match(Assert a) {
        if (a == null) {
            return CertificateCriteria.Match.ALL;
        }
        return switch (a) {
            case ALL -> CertificateCriteria.Match.ALL;
            case AT_LEAST_ONE -> CertificateCriteria.Match.AT_LEAST_ONE;
            case NONE -> CertificateCriteria.Match.NONE;
        };
    }

    static String name(Map<String, List<String>> names) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        List<String> english = names.get("en");
        if (english != null && !english.isEmpty()) {
            return english.get(0);
        }
        return names.values().stream().filter(l -> !l.isEmpty()).map(l -> l.get(0)).findFirst().orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
