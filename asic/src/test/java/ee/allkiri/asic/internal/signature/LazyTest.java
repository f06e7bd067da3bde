package ee.allkiri.asic.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

    @Test
    void theValueIsMadeOnFirstUseOnlyAndOnceAcrossThreads() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Lazy<Object> lazy = new Lazy<>(() -> {
            made.incrementAndGet();
            return new Object();
        });
        assertThat(lazy.made()).isFalse();
        assertThat(made).hasValue(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> values = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                values.add(pool.submit(() -> {
                    start.await();
                    return lazy.get();
                }));
            }
            start.countDown();
            Object first = values.get(0).get();
            for (Future<Object> v : values) {
                assertThat(v.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
        assertThat(lazy.made()).isTrue();
    }

    @Test
    void aFailureToMakeItReachesTheCallerAndIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<String> lazy = new Lazy<>(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("cannot build the validation policy");
            }
            return "made";
        });
        assertThatThrownBy(lazy::get).isInstanceOf(IllegalStateException.class);
        assertThat(lazy.made()).isFalse();
        assertThat(lazy.get()).isEqualTo("made");
        assertThat(calls).hasValue(2);
    }
}
