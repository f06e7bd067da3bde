package ee.allkiri.asic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.FindingCode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The verifier's own pool: a fixed number of threads, a bounded queue, work that stops at its deadline. */
class TimeBudgetPoolTest {

    private static final ContainerReport DONE = new ContainerReport("c.asice", List.of(), List.of(), List.of());
    private static final ContainerLimits MINUTE = ContainerLimits.DEFAULT.withTimeBudget(Duration.ofMinutes(1));

    @Test
    @DisplayName("one thread and one place in the queue: a third verification is refused at once, and counted")
    void aFullPoolRefuses() throws Exception {
        TimeBudget pool = new TimeBudget(MINUTE, 1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TimeBudget.Task blocking = (deadline, signatures) -> {
            started.countDown();
            awaitUninterruptibly(release);
            return DONE;
        };
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            Future<ContainerReport> first = callers.submit(() -> pool.run("first", blocking));
            assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();
            Future<ContainerReport> second = callers.submit(() -> pool.run("second", (deadline, signatures) -> DONE));
            while (pool.counts().queued() == 0) {
                Thread.sleep(1);
            }

            assertThatThrownBy(() -> pool.run("third", (deadline, signatures) -> DONE))
                    .isInstanceOf(RejectedExecutionException.class);
            assertThat(pool.counts()).isEqualTo(new TimeBudget.Counts(1, 1, 0, 1));

            release.countDown();
            assertThat(first.get(1, TimeUnit.MINUTES)).isSameAs(DONE);
            assertThat(second.get(1, TimeUnit.MINUTES)).isSameAs(DONE);
        } finally {
            release.countDown();
            callers.shutdownNow();
        }
    }

    @Test
    @DisplayName("work that checks its deadline stops after the budget; the caller gets LIMIT_TIME and the thread comes back")
    void abandonedWorkStops() throws Exception {
        TimeBudget pool = new TimeBudget(ContainerLimits.DEFAULT.withTimeBudget(Duration.ofMillis(200)), 1, 0);
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicLong checks = new AtomicLong();
        TimeBudget.Task endless = (deadline, signatures) -> {
            try {
                while (true) {
                    deadline.check();
                    checks.incrementAndGet();
                }
            } finally {
                stopped.set(true);
            }
        };

        ContainerReport report = pool.run("endless.asice", endless);

        assertThat(report.has(FindingCode.LIMIT_TIME)).isTrue();
        assertThat(report.signatures()).isEmpty();
        while (pool.counts().running() > 0) {
            Thread.sleep(10); // bounded by the test's own timeout: the task's next check throws
        }
        assertThat(stopped).isTrue();
        assertThat(checks.get()).isPositive();
        assertThat(pool.counts().timedOut()).isEqualTo(1);
        assertThat(pool.run("next.asice", (deadline, signatures) -> DONE)).as("the thread serves the next one").isSameAs(DONE);
    }

    @Test
    @DisplayName("a verification that waits in the queue past its budget is LIMIT_TIME and never starts")
    void waitingCountsAgainstTheBudget() throws Exception {
        TimeBudget pool = new TimeBudget(ContainerLimits.DEFAULT.withTimeBudget(Duration.ofMillis(300)), 1, 1);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean ranLate = new AtomicBoolean();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<ContainerReport> busy = caller.submit(() -> pool.run("busy.asice", (deadline, signatures) -> {
                started.countDown();
                awaitUninterruptibly(release); // ignores its deadline and interrupts: it keeps the only thread
                return DONE;
            }));
            assertThat(started.await(1, TimeUnit.MINUTES)).isTrue();

            ContainerReport queued = pool.run("queued.asice", (deadline, signatures) -> {
                ranLate.set(true);
                return DONE;
            });

            assertThat(queued.has(FindingCode.LIMIT_TIME)).isTrue();
            assertThat(pool.counts().queued()).as("taken off the queue").isZero();
            release.countDown();
            assertThat(busy.get(1, TimeUnit.MINUTES).has(FindingCode.LIMIT_TIME)).isTrue();
            assertThat(ranLate).isFalse();
        } finally {
            release.countDown();
            caller.shutdownNow();
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                // keep waiting
            }
        }
    }
}
