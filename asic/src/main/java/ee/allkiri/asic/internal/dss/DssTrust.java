package ee.allkiri.asic.internal.dss;

import ee.allkiri.core.spi.CertificateCriteria;
import ee.allkiri.core.spi.ServiceQualifier;
import ee.allkiri.core.spi.ServiceStatus;
import ee.allkiri.core.spi.TrustListInfo;
import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustedService;
import eu.europa.esig.dss.enumerations.Assert;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.KeyUsageBit;
import eu.europa.esig.dss.enumerations.TSLType;
import eu.europa.esig.dss.model.timedependent.TimeDependentValues;
import eu.europa.esig.dss.model.tsl.Condition;
import eu.europa.esig.dss.model.tsl.ConditionForQualifiers;
import eu.europa.esig.dss.model.tsl.LOTLInfo;
import eu.europa.esig.dss.model.tsl.TLInfo;
import eu.europa.esig.dss.model.tsl.TLValidationJobSummary;
import eu.europa.esig.dss.model.tsl.TrustProperties;
import eu.europa.esig.dss.model.tsl.TrustServiceProvider;
import eu.europa.esig.dss.model.tsl.TrustServiceStatusAndInformationExtensions;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.tsl.TrustedListsCertificateSource;
import eu.europa.esig.dss.spi.x509.CertificateSource;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.tsl.dto.DownloadCacheDTO;
import eu.europa.esig.dss.tsl.dto.ParsingCacheDTO;
import eu.europa.esig.dss.tsl.dto.ValidationCacheDTO;
import eu.europa.esig.dss.tsl.dto.condition.CertSubjectDNAttributeCondition;
import eu.europa.esig.dss.tsl.dto.condition.CompositeCondition;
import eu.europa.esig.dss.tsl.dto.condition.ExtendedKeyUsageCondition;
import eu.europa.esig.dss.tsl.dto.condition.KeyUsageCondition;
import eu.europa.esig.dss.tsl.dto.condition.PolicyIdCondition;
import eu.europa.esig.dss.tsl.dto.condition.QCStatementCondition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * allkiri's trust material as DSS certificate sources: plain anchors in a
 * {@link CommonTrustedCertificateSource}, services from trusted lists in a
 * {@link TrustedListsCertificateSource} whose trust properties carry each service's type,
 * status history and qualifiers, so that DSS's qualification process (ETSI TS 119 615) sees
 * the lists as if it had loaded them itself. The lists were verified when the material was
 * loaded, so they are marked well signed.
 *
 * <p>Built once per verifier; DSS only reads the sources afterwards. Thread-safe in that use.
 */
final class DssTrust {

    private static final String TSL_TYPE_LOTL = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUlistofthelists";
    private static final String TSL_TYPE_TL = "http://uri.etsi.org/TrstSvc/TrustedList/TSLType/EUgeneric";

    private DssTrust() {
    }

    static List<CertificateSource> sources(TrustMaterial material) {
        List<CertificateSource> sources = new ArrayList<>();
        CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();
        material.services().stream().filter(s -> !s.isListed())
                .forEach(s -> anchors.addCertificate(new CertificateToken(s.certificate())));
        if (!anchors.getCertificates().isEmpty()) {
            sources.add(anchors);
        }
        if (material.hasTrustedListData()) {
            sources.add(trustedLists(material));
        }
        return sources;
    }

    private static TrustedListsCertificateSource trustedLists(TrustMaterial material) {
        Map<String, LOTLInfo> lotls = new LinkedHashMap<>();
        Map<String, TLInfo> tls = new LinkedHashMap<>();
        for (TrustListInfo list : material.lists()) {
            if (list.kind() == TrustListInfo.Kind.LIST_OF_LISTS) {
                lotls.put(list.url(), new LOTLInfo(download(list), parsing(list), validation(list), list.url()));
            }
        }
        List<TLInfo> orphans = new ArrayList<>();
        for (TrustListInfo list : material.lists()) {
            if (list.kind() == TrustListInfo.Kind.TRUSTED_LIST) {
                LOTLInfo parent = list.parentUrl() == null ? null : lotls.get(list.parentUrl());
                TLInfo info = new TLInfo(download(list), parsing(list), validation(list), list.url(), parent);
                tls.put(list.url(), info);
                if (parent == null) {
                    orphans.add(info);
                } else {
                    List<TLInfo> children = parent.getTLInfos() == null ? new ArrayList<>() : new ArrayList<>(parent.getTLInfos());
                    children.add(info);
                    parent.setTlInfos(children);
                }
            }
        }
        Map<CertificateToken, List<TrustProperties>> byCertificate = new LinkedHashMap<>();
        for (TrustedService service : material.services()) {
            if (!service.isListed()) {
                continue;
            }
            TLInfo tl = tls.get(service.listUrl());
            if (tl == null) {
                tl = new TLInfo(null, null, null, service.listUrl() == null ? "unknown:" + service.name() : service.listUrl());
                orphans.add(tl);
                tls.put(tl.getUrl(), tl);
            }
            TrustProperties properties = new TrustProperties(tl.getParent() instanceof LOTLInfo l ? l : null, tl,
                    provider(service), history(service));
            byCertificate.computeIfAbsent(new CertificateToken(service.certificate()), k -> new ArrayList<>()).add(properties);
        }
        TrustedListsCertificateSource source = new TrustedListsCertificateSource();
        source.setTrustPropertiesByCertificates(byCertificate);
        source.setSummary(new TLValidationJobSummary(new ArrayList<>(lotls.values()), orphans));
        return source;
    }

    private static TrustServiceProvider provider(TrustedService service) {
        TrustServiceProvider provider = new TrustServiceProvider();
        if (service.providerName() != null) {
            provider.setNames(Map.of("en", List.of(service.providerName())));
        }
        provider.setTerritory(service.country());
        return provider;
    }

    private static TimeDependentValues<TrustServiceStatusAndInformationExtensions> history(TrustedService service) {
        List<TrustServiceStatusAndInformationExtensions> periods = new ArrayList<>();
        for (ServiceStatus status : service.history()) {
            List<ConditionForQualifiers> qualifiers = new ArrayList<>();
            for (ServiceQualifier q : status.qualifiers()) {
                qualifiers.add(new ConditionForQualifiers(condition(q.criteria()), q.qualifiers(), q.critical()));
            }
            periods.add(new TrustServiceStatusAndInformationExtensions.TrustServiceStatusAndInformationExtensionsBuilder()
                    .setNames(Map.of("en", List.of(service.name())))
                    .setType(status.type())
                    .setStatus(status.status())
                    .setConditionsForQualifiers(qualifiers)
                    .setAdditionalServiceInfoUris(status.additionalServiceInfo())
                    .setServiceSupplyPoints(List.of())
                    .setStartDate(date(status.from()))
                    .setEndDate(date(status.until()))
                    .build());
        }
        return new TimeDependentValues<>(periods);
    }

    static Condition condition(CertificateCriteria criteria) {
        if (criteria instanceof CertificateCriteria.Group g) {
            CompositeCondition composite = new CompositeCondition(switch (g.match()) {
                case ALL -> Assert.ALL;
                case AT_LEAST_ONE -> Assert.AT_LEAST_ONE;
                case NONE -> Assert.NONE;
            });
            g.members().forEach(m -> composite.addChild(condition(m)));
            return composite;
        }
        if (criteria instanceof CertificateCriteria.KeyUsageBit k) {
            KeyUsageBit bit = java.util.Arrays.stream(KeyUsageBit.values()).filter(b -> b.getValue().equals(k.name()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown key usage bit " + k.name()));
            return new KeyUsageCondition(bit, k.value());
        }
        if (criteria instanceof CertificateCriteria.PolicyIdentifier p) {
            return new PolicyIdCondition(p.oid());
        }
        if (criteria instanceof CertificateCriteria.ExtendedKeyUsage e) {
            return new ExtendedKeyUsageCondition(e.oids());
        }
        if (criteria instanceof CertificateCriteria.SubjectAttributes s) {
            return new CertSubjectDNAttributeCondition(s.oids());
        }
        CertificateCriteria.QcStatement q = (CertificateCriteria.QcStatement) criteria;
        return new QCStatementCondition(q.oid(), q.type(), q.legislation());
    }

    private static ParsingCacheDTO parsing(TrustListInfo list) {
        ParsingCacheDTO parsing = new ParsingCacheDTO();
        parsing.setTSLType(TSLType.fromUri(list.kind() == TrustListInfo.Kind.LIST_OF_LISTS ? TSL_TYPE_LOTL : TSL_TYPE_TL));
        parsing.setTerritory(list.name());
        parsing.setVersion(list.version());
        parsing.setSequenceNumber(list.sequence());
        parsing.setIssueDate(date(list.issued()));
        parsing.setNextUpdateDate(date(list.nextUpdate()));
        parsing.setResultExist(true);
        return parsing;
    }

    private static ValidationCacheDTO validation(TrustListInfo list) {
        ValidationCacheDTO validation = new ValidationCacheDTO();
        validation.setIndication(Indication.TOTAL_PASSED);
        if (list.signer() != null) {
            validation.setSigningCertificate(new CertificateToken(list.signer()));
        }
        validation.setResultExist(true);
        return validation;
    }

    private static DownloadCacheDTO download(TrustListInfo list) {
        DownloadCacheDTO download = new DownloadCacheDTO();
        download.setLastSuccessSynchronizationTime(date(list.issued()));
        download.setResultExist(true);
        return download;
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
