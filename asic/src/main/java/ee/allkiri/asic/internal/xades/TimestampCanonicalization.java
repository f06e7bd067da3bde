package ee.allkiri.asic.internal.xades;

import static ee.allkiri.asic.internal.xades.Xades.DS;

import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.core.Severity;
import ee.allkiri.ocsp.internal.DigestOids;
import eu.europa.esig.dss.xml.utils.XMLCanonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The undersign time-stamp quirk (undersign 0.1.337, the version rahvaalgatus signs with):
 * its xades:SignatureTimeStamp names no ds:CanonicalizationMethod, which by XAdES means the
 * default, inclusive canonicalization, yet the token's imprint is over the <em>exclusive</em>
 * canonical form of ds:SignatureValue. DSS then finds the imprint broken and discards the
 * time-stamp; digidoc4j rejects every such signature.
 *
 * <p>The imprint still binds the exact signature value, so the time proof is sound. Before DSS
 * sees the signature, this names the exclusive method in such a time-stamp, when and only when:
 * the signature has no archive time-stamp (which would cover the unchanged element), the
 * time-stamp names no method and holds one token, and the token's imprint equals the digest of
 * the exclusive form of ds:SignatureValue but not of the inclusive form. The time-stamp is an
 * unsigned property, so the signature itself is untouched. Each repair is a
 * {@code TIMESTAMP_EXCLUSIVE_C14N} finding: a warning, or an error with the strict option.
 *
 * <p>Thread-safe; one instance per verifier.
 */
public final class TimestampCanonicalization {

    static final String EXCLUSIVE = Xades.EXCLUSIVE_C14N;
    static final String INCLUSIVE = Xades.INCLUSIVE_C14N;


    /** The signature file for DSS (repaired or as it was) and the finding of a repair. */
    public record Outcome(byte[] xml, Optional<Finding> finding) {
    }

    private final boolean strict;

    /** @param strict report a repair as an error instead of a warning */
    public TimestampCanonicalization(boolean strict) {
        this.strict = strict;
    }

    /**
     * Repairs the parsed signature file in place when it shows the quirk and returns the bytes
     * DSS should validate: the original bytes when nothing was repaired.
     *
     * @param model    the signature, read from {@code document}
     * @param document the parsed signature file (changed in place when repaired)
     * @param original the file's bytes as written
     */
    public Outcome apply(SignatureModel model, Document document, byte[] original, String location) {
        if (model.unsigned().archiveTimestamps() > 0) {
            return new Outcome(original, Optional.empty());
        }
        Element value = model.signatureValue().element();
        int repaired = 0;
        for (SignatureModel.SignatureTimestamp timestamp : model.unsigned().signatureTimestamps()) {
            if (timestamp.canonicalizationMethod() == null && timestamp.tokens().size() == 1
                    && bindsExclusiveForm(timestamp.tokens().get(0), value)) {
                Element method = document.createElementNS(DS, "ds:CanonicalizationMethod");
                method.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DS);
                method.setAttribute("Algorithm", EXCLUSIVE);
                timestamp.element().insertBefore(method, timestamp.element().getFirstChild());
                repaired++;
            }
        }
        if (repaired == 0) {
            return new Outcome(original, Optional.empty());
        }
        return new Outcome(serialize(document), Optional.of(finding(location)));
    }

    /** The finding for a time-stamp with the quirk, as this instance reports it. */
    public Finding finding(String location) {
        Severity severity = strict ? Severity.ERROR : Severity.WARNING;
        return new Finding(FindingCode.TIMESTAMP_EXCLUSIVE_C14N, severity,
                "the signature time-stamp names no canonicalization method; its imprint is over the exclusive canonical "
                        + "form of SignatureValue" + (strict ? ", which the strict option does not accept" : ""),
                location);
    }

    /** Whether the token's imprint is over the exclusive, and not the inclusive, canonical form of the value. */
    public static boolean bindsExclusiveForm(byte[] der, Element value) {
        try {
            TimeStampTokenInfo info = new TimeStampToken(new CMSSignedData(der)).getTimeStampInfo();
            String algorithm = DigestOids.jcaName(info.getMessageImprintAlgOID().getId());
            if (algorithm == null) {
                return false;
            }
            byte[] imprint = info.getMessageImprintDigest();
            return !MessageDigest.isEqual(imprint, digest(algorithm, value, INCLUSIVE))
                    && MessageDigest.isEqual(imprint, digest(algorithm, value, EXCLUSIVE));
        } catch (CMSException | TSPException | IOException | RuntimeException e) {
            // a damaged token or a value that cannot be canonicalized is not repaired: DSS reports it
            return false;
        }
    }

    private static byte[] digest(String algorithm, Element element, String method) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XMLCanonicalizer.createInstance(method).canonicalize(element, out);
        try {
            return MessageDigest.getInstance(algorithm).digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write the repaired signature", e);
        }
    }
}
