package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.internal.dss.AllkiriPolicy;
import ee.allkiri.asic.internal.fast.Algorithms;
import eu.europa.esig.dss.policy.jaxb.Algo;
import eu.europa.esig.dss.policy.jaxb.AlgoExpirationDate;
import eu.europa.esig.dss.policy.jaxb.BasicSignatureConstraints;
import eu.europa.esig.dss.policy.jaxb.ConstraintsParameters;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A tripwire between the verification policy, the DSS policy built from it and the fast path's
 * gates. The fast path passes a signature only when DSS would; it can hold to that only while
 * the algorithms and dates it accepts are ones DSS's policy accepts too. If this test fails, the
 * policy changed: re-read the fast path's gates (FastJudge, FastShape, Algorithms,
 * TimestampCheck), run the differential tests (FastPathDifferentialTest and the fuzzers), and
 * publish the change as a new policy version rather than changing EE_V1.
 */
class PolicyTripwireTest {

    private static final ConstraintsParameters DSS = AllkiriPolicy.constraints(VerificationPolicy.EE_V1, false);

    @Test
    @DisplayName("EE_V1 is frozen: a published policy version never changes meaning")
    void theFirstEstonianPolicyIsFrozen() {
        VerificationPolicy p = VerificationPolicy.EE_V1;
        assertThat(p.name()).isEqualTo("allkiri-ee/1");
        assertThat(p.sha1SignatureUntil()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(p.sha1EvidenceUntil()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
        assertThat(p.rsaUntil()).isEqualTo(Instant.parse("2029-01-01T00:00:00Z"));
        assertThat(p.signingTimeTolerance()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.supportedCriticalExtensions()).containsExactlyInAnyOrder("2.5.29.15", "2.5.29.32", "2.5.29.17",
                "2.5.29.19", "2.5.29.30", "2.5.29.36", "2.5.29.37", "2.5.29.31", "2.5.29.54", "1.3.6.1.5.5.7.1.3");
        assertThat(p.timeMarkResponders()).hasSize(16).contains("SK OCSP RESPONDER 2011", "TEST of SK OCSP RESPONDER 2020");
    }

    @Test
    @DisplayName("DSS's policy expires RSA on the date the fast path stops taking RSA")
    void rsaExpiresWhereTheFastPathStops() {
        for (AlgoExpirationDate expiry : expiries()) {
            assertThat(expiry(expiry, "RSA", 1900)).isEqualTo(LocalDate.ofInstant(VerificationPolicy.EE_V1.rsaUntil(), ZoneOffset.UTC));
            assertThat(expiry(expiry, "RSA", 3000)).isEqualTo(LocalDate.ofInstant(VerificationPolicy.EE_V1.rsaUntil(), ZoneOffset.UTC));
        }
    }

    @Test
    @DisplayName("every key, digest and curve the fast path accepts never expires in DSS's policy")
    void whatTheFastPathAcceptsDoesNotExpire() {
        for (AlgoExpirationDate expiry : expiries()) {
            assertThat(expiry(expiry, "ECDSA", 256)).isNull();
            for (String digest : List.of("SHA256", "SHA384", "SHA512")) {
                assertThat(expiry(expiry, digest, 0)).as(digest).isNull();
            }
        }
        assertThat(Algorithms.DIGESTS.values()).containsExactlyInAnyOrder("SHA-256", "SHA-384", "SHA-512");
        assertThat(Algorithms.SIGNATURES.values()).allMatch(a -> a.startsWith("SHA256") || a.startsWith("SHA384")
                || a.startsWith("SHA512"));
    }

    @Test
    @DisplayName("the signer's SHA-1 expires on the policy's date; DSS knows the same critical extensions")
    void sha1AndCriticalExtensionsComeFromThePolicy() {
        BasicSignatureConstraints basic = DSS.getSignatureConstraints().getBasicSignatureConstraints();
        assertThat(expiry(basic.getCryptographic().getAlgoExpirationDate(), "SHA1", 0))
                .isEqualTo(LocalDate.ofInstant(VerificationPolicy.EE_V1.sha1SignatureUntil(), ZoneOffset.UTC));
        assertThat(Set.copyOf(basic.getSigningCertificate().getSupportedCriticalExtensions().getId()))
                .isEqualTo(VerificationPolicy.EE_V1.supportedCriticalExtensions());
    }

    private static List<AlgoExpirationDate> expiries() {
        BasicSignatureConstraints basic = DSS.getSignatureConstraints().getBasicSignatureConstraints();
        return List.of(DSS.getCryptographic().getAlgoExpirationDate(), basic.getCryptographic().getAlgoExpirationDate(),
                basic.getSigningCertificate().getCryptographic().getAlgoExpirationDate(),
                basic.getCACertificate().getCryptographic().getAlgoExpirationDate());
    }

    /** The expiry of the largest size bucket not above {@code size} (0 for digests), or null when it never expires. */
    private static LocalDate expiry(AlgoExpirationDate expiry, String algorithm, int size) {
        Algo best = null;
        for (Algo a : expiry.getAlgos()) {
            int bucket = a.getSize() == null ? 0 : a.getSize();
            if (a.getValue().equals(algorithm) && bucket <= size && (best == null || bucket >= (best.getSize() == null ? 0 : best.getSize()))) {
                best = a;
            }
        }
        assertThat(best).as(algorithm + " " + size + " in DSS's policy").isNotNull();
        return best.getDate() == null ? null : LocalDate.parse(best.getDate());
    }
}
