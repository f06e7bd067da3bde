package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.forge.ForgedAccess;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Finding;
import ee.allkiri.core.FindingCode;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A verifier flooded with slow hostile uploads cannot be made to pile up work: a forged bundle of
 * 120 signatures, each validated by DSS (seconds of CPU), sent 32 times by 8 callers at a verifier
 * of 2 threads, a queue of 2 and a budget of 300 ms. Every call is answered LIMIT_TIME or refused
 * at once; never more than 2 verifying threads live; after the last answer the abandoned work
 * stops at its next deadline check, so the verifying threads spend little CPU after it and the
 * process goes idle. Measured with ThreadMXBean and OperatingSystemMXBean, asserted on thread
 * counts and CPU time with margins far from both the expected figures and the old behaviour (a
 * thread per call, each running to its end: minutes of CPU after the last answer).
 */
class FloodTest {

    private static final Duration BUDGET = Duration.ofMillis(300);
    private static final int THREADS = 2;
    private static final int QUEUE = 2;
    private static final int CALLERS = 8;
    private static final int CALLS_EACH = 4;
    private static final String VERIFYING = "allkiri-verify-";
    private static final ThreadMXBean JVM_THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    @DisplayName("a flood of slow containers under a short budget: bounded threads, and CPU back to idle after the last answer")
    void floodReturnsToIdle(@TempDir Path dir) throws Exception {
        BundleSpec spec = BundleSpec.of(120, 17).withDefectRate(0);
        BundleForge.Result bundle = BundleForge.write(spec, dir.resolve("bundle.asice"), ForgedAccess.keys());
        byte[] slow = Files.readAllBytes(bundle.container());
        Instant at = spec.windowUntil().plus(Duration.ofDays(30));
        Verifier verifier = Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust())).validationTime(at)
                .fullValidationOnly().verifyingThreads(THREADS).queueCapacity(QUEUE)
                .limits(ContainerLimits.DEFAULT.withTimeBudget(BUDGET)).build();
        Set<Long> earlier = verifyingThreads().stream().map(ThreadInfo::getThreadId).collect(Collectors.toSet());

        Set<Long> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger mostAlive = new AtomicInteger();
        AtomicInteger limitTime = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<ContainerReport> other = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CALLERS; c++) {
            done.add(callers.submit(() -> {
                for (int i = 0; i < CALLS_EACH; i++) {
                    try {
                        ContainerReport report = verifier.verify(slow, "flood.asice");
                        if (report.allFindings().map(Finding::code).toList().equals(List.of(FindingCode.LIMIT_TIME))) {
                            limitTime.incrementAndGet();
                        } else {
                            synchronized (other) {
                                other.add(report);
                            }
                        }
                    } catch (RejectedExecutionException e) {
                        refused.incrementAndGet();
                        Thread.sleep(20); // a client told "busy" comes back a little later
                    }
                    List<Long> alive = newThreads(earlier).stream().map(ThreadInfo::getThreadId).toList();
                    seen.addAll(alive);
                    mostAlive.accumulateAndGet(alive.size(), Math::max);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(10, TimeUnit.MINUTES);
        }
        callers.shutdown();
        long cpuAtLastAnswer = cpu(newThreads(earlier));

        for (int waited = 0; verifier.statistics().running() > 0 && waited < 120_000; waited += 20) {
            Thread.sleep(20); // the abandoned work reaches its next deadline check
        }
        long cpuAfterLastAnswer = cpu(newThreads(earlier)) - cpuAtLastAnswer;
        long threadCpu = cpu(newThreads(earlier));
        long processCpu = OS.getProcessCpuTime();
        Thread.sleep(2000);
        long idleThreadCpu = cpu(newThreads(earlier)) - threadCpu;
        long idleProcessCpu = OS.getProcessCpuTime() - processCpu;
        List<ThreadInfo> after = newThreads(earlier);
        System.out.printf("flood: %d LIMIT_TIME, %d refused, %d verifying threads at most (%d seen); verifying CPU after"
                + " the last answer %d ms; in the 2 s after: verifying threads %d ms, process %d ms%n", limitTime.get(),
                refused.get(), mostAlive.get(), seen.size(), cpuAfterLastAnswer / 1_000_000, idleThreadCpu / 1_000_000,
                idleProcessCpu / 1_000_000);

        assertThat(other).as("every answer is LIMIT_TIME or a refusal").isEmpty();
        assertThat(limitTime.get() + refused.get()).isEqualTo(CALLERS * CALLS_EACH);
        assertThat(limitTime.get()).as("the pool took work").isPositive();
        Verifier.Statistics statistics = verifier.statistics();
        assertThat(statistics.timedOut()).isEqualTo(limitTime.get());
        assertThat(statistics.rejected()).isEqualTo(refused.get());
        assertThat(statistics.running()).as("no verification still running").isZero();
        assertThat(statistics.queued()).isZero();
        assertThat(seen.size()).as("verifying threads ever alive").isLessThanOrEqualTo(THREADS);
        assertThat(after).as("the verifying threads wait for work").allSatisfy(t ->
                assertThat(t.getThreadState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING));
        // one uninterruptible step (a DSS validation of one signature) per thread may end after the deadline
        assertThat(cpuAfterLastAnswer).as("CPU of the verifying threads after the last answer, ns")
                .isLessThan(TimeUnit.SECONDS.toNanos(3));
        assertThat(idleThreadCpu).as("CPU of the verifying threads once idle, ns").isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(idleProcessCpu).as("process CPU in 2 s once idle, ns (2 s would be one busy core)")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(1000));
    }

    private static List<ThreadInfo> verifyingThreads() {
        return Arrays.stream(JVM_THREADS.getThreadInfo(JVM_THREADS.getAllThreadIds())).filter(t -> t != null
                && t.getThreadName().startsWith(VERIFYING)).toList();
    }

    private static List<ThreadInfo> newThreads(Set<Long> earlier) {
        return verifyingThreads().stream().filter(t -> !earlier.contains(t.getThreadId())).toList();
    }

    /** CPU time of the live threads, ns. */
    private static long cpu(List<ThreadInfo> threads) {
        return threads.stream().mapToLong(t -> Math.max(0, JVM_THREADS.getThreadCpuTime(t.getThreadId()))).sum();
    }
}
