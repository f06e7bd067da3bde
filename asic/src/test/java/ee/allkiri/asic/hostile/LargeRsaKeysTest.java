package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A signature whose CertificateValues carry many certificates with 16,384-bit RSA keys (the most
 * Bouncy Castle takes): Bouncy Castle tests each modulus for being composite, seconds of CPU
 * each, and no deadline could stop that work, so one upload kept a verifying thread busy long
 * after its budget. The verification checks its deadline before each key it has not met: the
 * caller gets LIMIT_TIME, and the verifying threads stop within about one modulus test, on both
 * paths. Asserted on the verifying threads' CPU after the answer, with a margin far from the
 * old behaviour (every key tested: tens of seconds).
 */
class LargeRsaKeysTest {

    private static final int KEYS = 24;
    private static final Duration BUDGET = Duration.ofMillis(300);

    @ParameterizedTest(name = "full validation only: {0}")
    @ValueSource(booleans = {false, true})
    void manyLargeRsaKeysStopAtTheDeadline(boolean fullValidationOnly) throws Exception {
        StringBuilder added = new StringBuilder();
        for (byte[] certificate : LargeRsaKeys.certificates(KEYS)) {
            added.append("<xades:EncapsulatedX509Certificate>").append(Base64.getEncoder().encodeToString(certificate))
                    .append("</xades:EncapsulatedX509Certificate>");
        }
        byte[] container = LargeRsaKeys.rewrite(Fixtures.bytes("test.asice"), "META-INF/signatures0.xml", bytes -> {
            String xml = new String(bytes, StandardCharsets.UTF_8);
            int end = xml.indexOf("</xades:CertificateValues>");
            assertThat(end).as("the signature has CertificateValues").isPositive();
            return (xml.substring(0, end) + added + xml.substring(end)).getBytes(StandardCharsets.UTF_8);
        });
        Verifier.Builder builder = Verifier.builder().trust(new CertificateFolderTrustSource(Fixtures.trust()))
                .validationTime(Fixtures.AT).verifyingThreads(1).limits(ContainerLimits.DEFAULT.withTimeBudget(BUDGET));
        Verifier verifier = (fullValidationOnly ? builder.fullValidationOnly() : builder).build();
        LargeRsaKeys.Measured measured = LargeRsaKeys.verify(verifier, container, "large-keys.asice");
        System.out.printf("large RSA keys (full validation only: %s): verifying CPU after the answer %d ms%n",
                fullValidationOnly, measured.cpuAfterAnswerNanos() / 1_000_000);

        assertThat(measured.report().allFindings().map(Finding::code).toList()).containsExactly(FindingCode.LIMIT_TIME);
        assertThat(measured.threads()).as("the verifier's own thread did the work").hasSize(1);
        assertThat(verifier.statistics().running()).isZero();
        // one modulus test may run on past the deadline: a few seconds here; all 24 would be a minute or more
        assertThat(measured.cpuAfterAnswerNanos()).as("CPU of the verifying thread after the answer, ns").isLessThan(TimeUnit.SECONDS.toNanos(15));
    }
}
