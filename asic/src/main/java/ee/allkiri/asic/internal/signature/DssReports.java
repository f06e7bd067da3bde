package ee.allkiri.asic.internal.signature;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Indication;
import ee.allkiri.core.Qualification;
import ee.allkiri.core.SubIndication;
import eu.europa.esig.dss.detailedreport.jaxb.XmlBasicBuildingBlocks;
import eu.europa.esig.dss.detailedreport.jaxb.XmlConstraintsConclusion;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.SignatureQualification;
import eu.europa.esig.dss.enumerations.TimestampQualification;
import eu.europa.esig.dss.enumerations.TimestampType;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DSS's conclusion on one signature, read into allkiri's terms: indication, sub-indication,
 * qualification, the signing certificate, the time-stamps, and a finding for each failed check
 * (DSS's message keys read as allkiri's stable codes by {@link DssCodes}). Stateless.
 */
final class DssReports {

    /**
     * DSS's "the result of the building block is not conclusive!" errors, and the block whose own
     * errors name the failed constraint. DSS's simple report carries a block's errors only when
     * the basic validation's sub-indication is the signature's; otherwise only this wrapper.
     */
    private static final Map<String, Function<XmlBasicBuildingBlocks, XmlConstraintsConclusion>> BLOCKS = Map.of(
            "BSV_IFCRC_ANS", XmlBasicBuildingBlocks::getFC,
            "BSV_IISCRC_ANS", XmlBasicBuildingBlocks::getISC,
            "BSV_IVCIRC_ANS", XmlBasicBuildingBlocks::getVCI,
            "BSV_IXCVRC_ANS", XmlBasicBuildingBlocks::getXCV,
            "BSV_ICVRC_ANS", XmlBasicBuildingBlocks::getCV,
            "BSV_ISAVRC_ANS", XmlBasicBuildingBlocks::getSAV);

    private DssReports() {
    }

    /** Reads the first signature of the reports. */
    static Judgement read(Reports reports, String location) {
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<String> ids = simple.getSignatureIdList();
        if (ids.isEmpty()) {
            return Judgement.unprocessable(Finding.of(FindingCode.SIGNATURE_UNPROCESSABLE, location,
                    "DSS found no signature in the file"));
        }
        String id = ids.get(0);
        SignatureWrapper signature = diagnostic.getSignatureById(id);
        Indication indication = Indication.valueOf(simple.getIndication(id).name());
        SubIndication sub = simple.getSubIndication(id) == null ? null : SubIndication.valueOf(simple.getSubIndication(id).name());
        List<Finding> findings = indication == Indication.TOTAL_PASSED ? List.of()
                : findings(errors(reports, id), indication, sub, location);
        X509Certificate signer = null;
        X509Certificate issuer = null;
        boolean listed = signature.getCertificateChain().stream().anyMatch(c -> !c.getTrustServices().isEmpty());
        CertificateWrapper signing = signature.getSigningCertificate();
        if (signing != null) {
            signer = certificate(signing.getBinaries());
            List<CertificateWrapper> chain = signature.getCertificateChain();
            if (chain.size() > 1) {
                issuer = certificate(chain.get(1).getBinaries());
            }
        }
        List<Judgement.Timestamp> timestamps = timestamps(signature.getSignatureTimestamps(), simple);
        List<Judgement.Timestamp> content = timestamps(signature.getTimestampList().stream()
                .filter(t -> t.getType() != null && t.getType().isContentTimestamp()).toList(), simple);
        return new Judgement(Judgement.Path.FULL, true, indication, sub, qualification(simple.getSignatureQualification(id)),
                signer, issuer, instant(simple.getBestSignatureTime(id)), timestamps, content, findings, listed, null);
    }

    private static List<Judgement.Timestamp> timestamps(List<TimestampWrapper> list, SimpleReport simple) {
        return list.stream()
                .sorted(Comparator.comparing(TimestampWrapper::getProductionTime))
                .map(t -> new Judgement.Timestamp(t.getProductionTime().toInstant(), t.isMessageImprintDataIntact(),
                        t.isSignatureIntact() && t.isSignatureValid(), t.isTrustedChain(),
                        simple.getTimestampQualification(t.getId()) == TimestampQualification.QTSA))
                .toList();
    }

    /** The signature's AdES validation errors, each "block not conclusive" followed by the block's own errors. */
    private static List<Message> errors(Reports reports, String id) {
        XmlBasicBuildingBlocks blocks = reports.getDetailedReport().getBasicBuildingBlockById(id);
        List<Message> out = new ArrayList<>();
        for (Message error : reports.getSimpleReport().getAdESValidationErrors(id)) {
            out.add(error);
            Function<XmlBasicBuildingBlocks, XmlConstraintsConclusion> block = BLOCKS.get(error.getKey());
            XmlConstraintsConclusion result = block == null || blocks == null ? null : block.apply(blocks);
            if (result != null && result.getConclusion() != null) {
                result.getConclusion().getErrors().forEach(e -> out.add(new Message(e.getKey(), e.getValue())));
            }
        }
        return out;
    }

    private static List<Finding> findings(List<Message> errors, Indication indication, SubIndication sub, String location) {
        Map<String, Finding> out = new LinkedHashMap<>();
        for (Message message : errors) {
            DssCodes.of(message.getKey()).ifPresent(code -> out.putIfAbsent(code.name() + message.getValue(),
                    new Finding(code, code.defaultSeverity(), message.getValue(), location)));
        }
        if (out.isEmpty()) {
            String detail = String.join(" ", errors.stream().map(Message::getValue).toList());
            out.put("fallback", new Finding(FindingCode.VALIDATION_FAILED, FindingCode.VALIDATION_FAILED.defaultSeverity(),
                    "ETSI validation: " + indication + (sub == null ? "" : "/" + sub) + (detail.isEmpty() ? "" : ": " + detail),
                    location));
        }
        return new ArrayList<>(out.values());
    }

    private static Qualification qualification(SignatureQualification q) {
        if (q == null) {
            return Qualification.NA;
        }
        return switch (q) {
            case QESIG -> Qualification.QESIG;
            case QESEAL -> Qualification.QESEAL;
            case UNKNOWN_QC_QSCD -> Qualification.QES;
            case ADESIG_QC -> Qualification.ADESIG_QC;
            case ADESEAL_QC -> Qualification.ADESEAL_QC;
            case UNKNOWN_QC -> Qualification.ADES_QC;
            case ADESIG -> Qualification.ADESIG;
            case ADESEAL -> Qualification.ADESEAL;
            case UNKNOWN -> Qualification.ADES;
            case INDETERMINATE_QESIG -> Qualification.INDETERMINATE_QESIG;
            case INDETERMINATE_QESEAL -> Qualification.INDETERMINATE_QESEAL;
            case INDETERMINATE_UNKNOWN_QC_QSCD -> Qualification.INDETERMINATE_QES;
            case INDETERMINATE_ADESIG_QC -> Qualification.INDETERMINATE_ADESIG_QC;
            case INDETERMINATE_ADESEAL_QC -> Qualification.INDETERMINATE_ADESEAL_QC;
            case INDETERMINATE_UNKNOWN_QC -> Qualification.INDETERMINATE_ADES_QC;
            case INDETERMINATE_ADESIG -> Qualification.INDETERMINATE_ADESIG;
            case INDETERMINATE_ADESEAL -> Qualification.INDETERMINATE_ADESEAL;
            case INDETERMINATE_UNKNOWN -> Qualification.INDETERMINATE_ADES;
            case NOT_ADES_QC_QSCD -> Qualification.NOT_ADES_QC_QSCD;
            case NOT_ADES_QC -> Qualification.NOT_ADES_QC;
            case NOT_ADES -> Qualification.NOT_ADES;
            case NA -> Qualification.NA;
        };
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    static X509Certificate certificate(byte[] der) {
        if (der == null) {
            return null;
        }
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            return null;
        }
    }

}
