package ee.allkiri.ocsp.internal;

import ee.allkiri.core.spi.RevocationReason;
import ee.allkiri.core.spi.RevocationStatus;
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
 * @param revocationReason  the reason when given, else null
 * @param thisUpdate        thisUpdate
 * @param nextUpdate        nextUpdate, or null
 */
public record SingleStatus(String hashAlgorithmOid, byte[] issuerNameHash, byte[] issuerKeyHash, BigInteger serialNumber,
                           RevocationStatus status, Instant revocationTime, RevocationReason revocationReason,
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
