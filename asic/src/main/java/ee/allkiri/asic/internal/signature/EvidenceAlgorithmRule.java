package ee.allkiri.asic.internal.signature;

import ee.allkiri.asic.internal.xades.SignatureModel;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.ocsp.internal.OcspResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * ETSI TS 119 312, ETSI EN 319 102-1 5.2.8: evidence made with SHA-1 after the policy's sunset
 * for it is not reliable ({@code ALGORITHM_NOT_RELIABLE}): the signer's OCSP response signed
 * with a SHA-1 algorithm and produced after the sunset, and a signature or content time-stamp
 * whose imprint, signer digest or signature uses SHA-1 and whose time is after it. Such
 * evidence was made when SHA-1 was known to be broken, so its own time cannot vouch for it.
 */
final class EvidenceAlgorithmRule implements SignatureRule {

    private static final String SHA1 = "1.3.14.3.2.26";
    /** sha1WithRSAEncryption, ecdsa-with-SHA1, dsa-with-sha1, the OIW sha1WithRSA. */
    private static final Set<String> SHA1_SIGNATURES = Set.of("1.2.840.113549.1.1.5", "1.2.840.10045.4.1",
            "1.2.840.10040.4.3", "1.3.14.3.2.29");
    /** The DER of the SHA-1 OID's body; a token without it names no SHA-1 algorithm and is not parsed. */
    private static final byte[] SHA1_OID = {0x2B, 0x0E, 0x03, 0x02, 0x1A};
    private static final byte[] SHA1_RSA_OID = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x05};
    private static final byte[] SHA1_ECDSA_OID = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x01};

    @Override
    public List<Finding> check(SignatureFacts facts) {
        Instant sunset = facts.policy().sha1EvidenceUntil();
        List<Finding> findings = new ArrayList<>();
        OcspResponse ocsp = facts.revocation().response();
        if (ocsp != null && SHA1_SIGNATURES.contains(ocsp.signatureAlgorithmOid()) && !ocsp.producedAt().isBefore(sunset)) {
            findings.add(Finding.of(FindingCode.ALGORITHM_NOT_RELIABLE, facts.file(), "the OCSP response produced at "
                    + ocsp.producedAt() + " is signed with SHA-1, after its sunset " + sunset));
        }
        List<byte[]> tokens = new ArrayList<>(facts.model().signed().contentTimestamps());
        for (SignatureModel.SignatureTimestamp ts : facts.model().unsigned().signatureTimestamps()) {
            tokens.addAll(ts.tokens());
        }
        for (byte[] token : tokens) {
            Instant at = sha1TokenTime(token);
            if (at != null && !at.isBefore(sunset)) {
                findings.add(Finding.of(FindingCode.ALGORITHM_NOT_RELIABLE, facts.file(), "a time-stamp of " + at
                        + " uses SHA-1, after its sunset " + sunset));
            }
        }
        return findings;
    }

    /** The time of a token that uses SHA-1 anywhere (imprint, signer digest, signature), else null. */
    private static Instant sha1TokenTime(byte[] der) {
        if (!contains(der, SHA1_OID) && !contains(der, SHA1_RSA_OID) && !contains(der, SHA1_ECDSA_OID)) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(der));
            boolean sha1 = SHA1.equals(token.getTimeStampInfo().getMessageImprintAlgOID().getId());
            for (SignerInformation signer : token.toCMSSignedData().getSignerInfos().getSigners()) {
                sha1 |= SHA1.equals(signer.getDigestAlgOID()) || SHA1_SIGNATURES.contains(signer.getEncryptionAlgOID());
            }
            return sha1 ? token.getTimeStampInfo().getGenTime().toInstant() : null;
        } catch (Exception e) {
            return null; // a damaged token is the time-stamp rules' finding
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
