package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
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
    private static final ThreadMXBean JVM_THREADS = ManagementFactory.getThreadMXBean();

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
        long[] before = verifyingThreadIds();

        ContainerReport report = verifier.verify(container, "large-keys.asice");
        List<Long> threads = newIds(before);
        long cpuAtAnswer = cpu(threads);
        for (int waited = 0; verifier.statistics().running() > 0 && waited < 600_000; waited += 20) {
            Thread.sleep(20); // the abandoned work reaches its next deadline check
        }
        long cpuAfterAnswer = cpu(threads) - cpuAtAnswer;
        System.out.printf("large RSA keys (full validation only: %s): verifying CPU after the answer %d ms%n",
                fullValidationOnly, cpuAfterAnswer / 1_000_000);

        assertThat(report.allFindings().map(Finding::code).toList()).containsExactly(FindingCode.LIMIT_TIME);
        assertThat(threads).as("the verifier's own thread did the work").hasSize(1);
        assertThat(verifier.statistics().running()).isZero();
        // one modulus test may run on past the deadline: a few seconds here; all 24 would be a minute or more
        assertThat(cpuAfterAnswer).as("CPU of the verifying thread after the answer, ns").isLessThan(TimeUnit.SECONDS.toNanos(15));
    }

    private static long[] verifyingThreadIds() {
        return Arrays.stream(JVM_THREADS.getThreadInfo(JVM_THREADS.getAllThreadIds()))
                .filter(t -> t != null && t.getThreadName().startsWith("allkiri-verify-")).mapToLong(t -> t.getThreadId()).toArray();
    }

    private static List<Long> newIds(long[] before) {
        return Arrays.stream(verifyingThreadIds()).filter(id -> Arrays.stream(before).noneMatch(b -> b == id)).boxed().toList();
    }

    private static long cpu(List<Long> ids) {
        return ids.stream().mapToLong(id -> Math.max(0, JVM_THREADS.getThreadCpuTime(id))).sum();
    }
}
