package ee.allkiri.asic.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Fixtures;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One verifier shared by many threads gives exactly the reports one thread gets, over a mixed
 * corpus: every forged variant, a sample of the shared fixtures and a sample of the attack
 * corpus. The threads start together on a fresh verifier, so the fast path learns its classes
 * while they race, and each thread takes the corpus in its own order.
 */
class ConcurrentVerificationTest {

    private static final int THREADS = 6;
    private static final Map<String, byte[]> CORPUS = new LinkedHashMap<>();

    @BeforeAll
    static void corpus() {
        for (Variant v : Variant.values()) {
            CORPUS.put(v.fileName(), Hostile.FORGE.forge(v));
        }
        List<Fixtures.Row> rows = Fixtures.manifest();
        for (int i = 0; i < rows.size(); i += 5) {
            CORPUS.put(rows.get(i).name(), Fixtures.bytes(rows.get(i).name()));
        }
        List<Attack> attacks = new ArrayList<>(SignatureAttacks.all());
        attacks.addAll(XmlAttacks.all().subList(0, 4));
        for (Attack a : attacks) {
            CORPUS.put(a.name(), a.bytes().get());
        }
    }

    private static Verifier verifier() throws IOException {
        return Verifier.builder().trust(new PkiTrustSource(Hostile.PKI), new CertificateFolderTrustSource(Fixtures.trust()))
                .validationTime(Hostile.AT).limits(ContainerLimits.DEFAULT.withTimeBudget(Hostile.BUDGET)).build();
    }

    @Test
    @DisplayName("many threads through one verifier get the reports of a single thread")
    void threadsAgreeWithOneThread() throws Exception {
        Verifier single = verifier();
        Map<String, ContainerReport> expected = new LinkedHashMap<>();
        CORPUS.forEach((name, bytes) -> expected.put(name, single.verify(bytes, name)));

        Verifier shared = verifier();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Map<String, ContainerReport>>> runs = new ArrayList<>();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (int t = 0; t < THREADS; t++) {
                List<String> order = new ArrayList<>(CORPUS.keySet());
                Collections.shuffle(order, new Random(t));
                runs.add(pool.submit(() -> {
                    start.await();
                    Map<String, ContainerReport> got = new LinkedHashMap<>();
                    for (String name : order) {
                        got.put(name, shared.verify(CORPUS.get(name), name));
                    }
                    return got;
                }));
            }
            start.countDown();
            for (Future<Map<String, ContainerReport>> run : runs) {
                Map<String, ContainerReport> got = run.get();
                for (String name : CORPUS.keySet()) {
                    assertThat(got.get(name)).as(name).isEqualTo(expected.get(name));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shared.statistics().fastPath()).as("signatures on the fast path").isPositive();
    }
}
