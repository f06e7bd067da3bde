package ee.allkiri.ocsp;

import java.math.BigInteger;
import java.time.Instant;

/**
 * One SingleResponse of an OCSP response.
 *
 * @param hashAlgorithmOid  CertID hash algorithm
 * @param issuerNameHash    CertID issuerNameHash
 * @param issuerKeyHash     CertID issuerKeyHash
 * @param serialNumber      CertID serialNumber
 * @param status            good, revoked or unknown
 * @param revocationTime    when revoked, else null
 * @param revocationReason  CRLReason code when given, else null
 * @param thisUpdate        thisUpdate
 * @param nextUpdate        nextUpdate, or null
 */
public record SingleStatus(String hashAlgorithmOid, byte[] issuerNameHash, byte[] issuerKeyHash, BigInteger serialNumber,
                           CertStatus status, Instant revocationTime, Integer revocationReason,
                           Instant thisUpdate, Instant nextUpdate) {
    public SingleStatus {
        issuerNameHash = issuerNameHash.clone();
        issuerKeyHash = issuerKeyHash.clone();
    }

    @Override
    public byte[] issuerNameHash() {
        return issuerNameHash.clone();
    }

    @Override
    public byte[] issuerKeyHash() {
        return issuerKeyHash.clone();
    }
}
