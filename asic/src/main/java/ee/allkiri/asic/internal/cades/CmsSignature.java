package ee.allkiri.asic.internal.cades;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPResponse;
import org.bouncycastle.asn1.ocsp.OCSPResponseStatus;
import org.bouncycastle.asn1.ocsp.ResponseBytes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;

/**
 * What allkiri reads itself from a CAdES signature file (RFC 5652 5; ETSI EN 319 122-1): that it
 * is one detached SignedData with one signer, the certificates it carries, and the OCSP responses
 * it embeds as other revocation information (RFC 5940: {@code id-ri-ocsp-response}, or a bare
 * {@code id-pkix-ocsp-basic} response, wrapped), so that the {@code ocsp} module's rules judge
 * them as they judge a XAdES signature's. Immutable.
 *
 * @param certificates  the SignedData's certificates that parse
 * @param ocspResponses DER OCSPResponses
 * @param crls          DER CRLs of the SignedData's crls (RFC 5652 5.1)
 */
public record CmsSignature(List<X509Certificate> certificates, List<byte[]> ocspResponses, List<byte[]> crls) {

    /** Thrown for a file that is not one detached SignedData with one signer; the message says why. */
    public static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    public CmsSignature {
        certificates = List.copyOf(certificates);
        ocspResponses = List.copyOf(ocspResponses);
        crls = List.copyOf(crls);
    }

    public static CmsSignature parse(byte[] der) throws MalformedException {
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(der);
        } catch (CMSException e) {
            throw new MalformedException("not a CMS SignedData: " + e.getMessage());
        } catch (RuntimeException e) {
            // a runtime exception's message depends on the JIT (a hot NullPointerException has none): its type only
            throw new MalformedException("not a CMS SignedData (" + e.getClass().getSimpleName() + ")");
        }
        if (cms.getSignedContent() != null) {
            throw new MalformedException("the SignedData encapsulates its content; an ASiC-E signature is detached");
        }
        int signers = cms.getSignerInfos().size();
        if (signers != 1) {
            throw new MalformedException("the SignedData has " + signers + " signers; one is expected");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            try {
                certificates.add(converter.getCertificate(holder));
            } catch (CertificateException e) {
                // an unreadable certificate is left out; DSS reports what it cannot use
            }
        }
        List<byte[]> responses = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        try {
            for (Object o : cms.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null)) {
                responses.add(OCSPResponse.getInstance(o).getEncoded(ASN1Encoding.DER));
            }
            for (Object o : cms.getOtherRevocationInfo(OCSPObjectIdentifiers.id_pkix_ocsp_basic).getMatches(null)) {
                ResponseBytes bytes = new ResponseBytes(OCSPObjectIdentifiers.id_pkix_ocsp_basic,
                        new DEROctetString(((ASN1Encodable) o).toASN1Primitive().getEncoded(ASN1Encoding.DER)));
                responses.add(new OCSPResponse(new OCSPResponseStatus(OCSPResponseStatus.SUCCESSFUL), bytes)
                        .getEncoded(ASN1Encoding.DER));
            }
            for (Object o : cms.getCRLs().getMatches(null)) {
                crls.add(((org.bouncycastle.cert.X509CRLHolder) o).getEncoded());
            }
        } catch (IOException e) {
            throw new MalformedException("its revocation information does not parse: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MalformedException("its revocation information does not parse (" + e.getClass().getSimpleName() + ")");
        }
        return new CmsSignature(certificates, responses, crls);
    }
}
