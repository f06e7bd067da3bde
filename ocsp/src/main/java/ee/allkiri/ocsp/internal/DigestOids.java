package ee.allkiri.ocsp.internal;

import java.util.Map;

/** The JCA names of the hash algorithms that OCSP CertIDs, nonces and time-stamp imprints name by OID. */
public final class DigestOids {

    private static final Map<String, String> NAMES = Map.of(
            "1.3.14.3.2.26", "SHA-1",
            "2.16.840.1.101.3.4.2.4", "SHA-224",
            "2.16.840.1.101.3.4.2.1", "SHA-256",
            "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");

    private DigestOids() {
    }

    /** The JCA name of the hash algorithm with this OID, or null when it is none of SHA-1 and SHA-2. */
    public static String jcaName(String oid) {
        return NAMES.get(oid);
    }
}
