package ee.allkiri.asic.internal.xades;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.w3c.dom.Element;

/**
 * One XAdES signature as allkiri reads it, each part taken from its place in the XMLDSig and
 * XAdES structure ({@link SignatureReader} refuses a signature whose parts are not where the
 * schemas put them). Signed properties and unsigned properties are separate types, so a rule
 * that needs a signed property cannot read an unsigned copy of it. Nothing here is verified:
 * the signed-content check, the engines and the rules do that. Immutable (the DOM elements it
 * points at are only read).
 *
 * @param element             the ds:Signature element
 * @param id                  its Id attribute, or null
 * @param signedInfo          ds:SignedInfo
 * @param signatureValue      ds:SignatureValue
 * @param keyInfoCertificates the certificates in ds:KeyInfo/ds:X509Data, in order (DER)
 * @param signed              xades:SignedProperties
 * @param unsigned            xades:UnsignedProperties (empty when absent)
 */
public record SignatureModel(Element element, String id, SignedInfo signedInfo, SignatureValue signatureValue,
                             List<byte[]> keyInfoCertificates, SignedProperties signed, UnsignedProperties unsigned) {

    public SignatureModel {
        Objects.requireNonNull(element, "element");
        Objects.requireNonNull(signedInfo, "signedInfo");
        Objects.requireNonNull(signatureValue, "signatureValue");
        Objects.requireNonNull(signed, "signed");
        Objects.requireNonNull(unsigned, "unsigned");
        keyInfoCertificates = List.copyOf(keyInfoCertificates);
    }

    /** ds:SignedInfo: its canonicalization and signature methods and its references, in order. */
    public record SignedInfo(Element element, String canonicalizationMethod, String signatureMethod,
                             List<Reference> references) {
        public SignedInfo {
            references = List.copyOf(references);
        }
    }

    /**
     * A ds:Reference.
     *
     * @param uri             the URI attribute as written, or null when absent
     * @param type            the Type attribute, or null
     * @param transforms      the Algorithm of each ds:Transform, in order
     * @param transformParameters whether any ds:Transform has content (XPath, InclusiveNamespaces, ...)
     * @param digestMethod    the DigestMethod Algorithm
     * @param digestValue     the decoded DigestValue
     */
    public record Reference(String id, String uri, String type, List<String> transforms, boolean transformParameters,
                            String digestMethod, byte[] digestValue) {
        public Reference {
            transforms = List.copyOf(transforms);
        }

        /** Typed as a reference to SignedProperties (ETSI EN 319 132-1 6.3). */
        public boolean isSignedProperties() {
            return Xades.SIGNED_PROPERTIES_TYPE.equals(type);
        }
    }

    /** ds:SignatureValue: the element (a time-stamp's imprint is over it) and its decoded value. */
    public record SignatureValue(Element element, byte[] value) {
    }

    /**
     * xades:SignedProperties and the signed properties allkiri reads, each from its place.
     *
     * @param element             the element (its canonical form is what the signature signs)
     * @param id                  its Id attribute, or null
     * @param signingTime         SigningTime, or null when absent
     * @param signingTimeText     SigningTime as written, or null
     * @param signingCertificates the xades:Cert entries of SigningCertificate or SigningCertificateV2
     * @param policy              SignaturePolicyIdentifier, or null when absent
     * @param mimeTypes           DataObjectFormat MimeType by the Id of the Reference it describes
     * @param contentTimestamps   AllDataObjectsTimeStamp and IndividualDataObjectsTimeStamp tokens (DER)
     */
    public record SignedProperties(Element element, String id, Instant signingTime, String signingTimeText,
                                   List<CertDigest> signingCertificates, Policy policy, Map<String, String> mimeTypes,
                                   List<byte[]> contentTimestamps) {
        public SignedProperties {
            signingCertificates = List.copyOf(signingCertificates);
            mimeTypes = Map.copyOf(mimeTypes);
            contentTimestamps = List.copyOf(contentTimestamps);
        }
    }

    /** A xades:Cert entry's CertDigest. */
    public record CertDigest(String digestMethod, byte[] digestValue) {
    }

    /** xades:SignaturePolicyIdentifier. */
    public record Policy(String identifier, String spuri, boolean implied) {
        /** The identifier without an {@code urn:oid:} prefix. */
        public String oid() {
            if (identifier == null) {
                return null;
            }
            return identifier.regionMatches(true, 0, "urn:oid:", 0, 8) ? identifier.substring(8) : identifier;
        }
    }

    /**
     * xades:UnsignedSignatureProperties as allkiri reads them: the validation data, each kind
     * from its own container.
     *
     * @param signatureTimestamps SignatureTimeStamp elements, in order
     * @param certificateValues   CertificateValues/EncapsulatedX509Certificate (DER)
     * @param ocspValues          RevocationValues/OCSPValues/EncapsulatedOCSPValue (DER), the only
     *                            place an OCSP response about the signer is read from
     * @param crlValues           RevocationValues/CRLValues/EncapsulatedCRLValue (DER)
     * @param archiveTimestamps   ArchiveTimeStamp elements (XAdES 1.3.2 or 1.4.1)
     * @param otherProperties     local names of the other properties present (counter-signatures,
     *                            references, validation data for time-stamps), in order
     */
    public record UnsignedProperties(List<SignatureTimestamp> signatureTimestamps, List<byte[]> certificateValues,
                                     List<byte[]> ocspValues, List<byte[]> crlValues, int archiveTimestamps,
                                     List<String> otherProperties) {
        public static final UnsignedProperties NONE = new UnsignedProperties(List.of(), List.of(), List.of(), List.of(), 0,
                List.of());

        public UnsignedProperties {
            signatureTimestamps = List.copyOf(signatureTimestamps);
            certificateValues = List.copyOf(certificateValues);
            ocspValues = List.copyOf(ocspValues);
            crlValues = List.copyOf(crlValues);
            otherProperties = List.copyOf(otherProperties);
        }
    }

    /**
     * xades:SignatureTimeStamp.
     *
     * @param element                the element
     * @param canonicalizationMethod its ds:CanonicalizationMethod Algorithm, or null when it names none
     * @param tokens                 its EncapsulatedTimeStamp tokens (DER)
     */
    public record SignatureTimestamp(Element element, String canonicalizationMethod, List<byte[]> tokens) {
        public SignatureTimestamp {
            tokens = List.copyOf(tokens);
        }
    }

    /** The references to data files: every reference that is not typed as SignedProperties. */
    public List<Reference> fileReferences() {
        return signedInfo.references().stream().filter(r -> !r.isSignedProperties()).toList();
    }

    /** Every certificate the signature carries: KeyInfo's, then CertificateValues'. */
    public List<byte[]> certificates() {
        List<byte[]> all = new java.util.ArrayList<>(keyInfoCertificates);
        all.addAll(unsigned.certificateValues());
        return all;
    }

    /**
     * The level the signature's evidence claims: LTA with an archive time-stamp; T or LT with a
     * signature time-stamp (LT when it embeds OCSP); without a time-stamp, LT_TM when it embeds
     * an OCSP response (a BDOC time-mark), else B_EPES with a policy identifier or B.
     */
    public ee.allkiri.core.Profile profile() {
        if (!unsigned.signatureTimestamps().isEmpty()) {
            if (unsigned.archiveTimestamps() > 0) {
                return ee.allkiri.core.Profile.LTA;
            }
            return unsigned.ocspValues().isEmpty() ? ee.allkiri.core.Profile.T : ee.allkiri.core.Profile.LT;
        }
        if (!unsigned.ocspValues().isEmpty()) {
            return ee.allkiri.core.Profile.LT_TM;
        }
        Policy policy = signed.policy();
        return policy != null && !policy.implied() ? ee.allkiri.core.Profile.B_EPES : ee.allkiri.core.Profile.B;
    }
}
