package ee.allkiri.asic.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ee.allkiri.asic.VerificationListener;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A listener hears every signature of a bundle once, from one thread or many. */
class VerificationListenerTest {

    @TempDir
    static Path dir;

    static BundleSpec spec;
    static BundleForge.Result bundle;

    @BeforeAll
    static void forge() throws Exception {
        spec = BundleSpec.of(40, 5).withDefectRate(0.1);
        bundle = BundleForge.write(spec, dir.resolve("bundle.asice"), Forged.KEYS);
    }

    private static Verifier.Builder builder() {
        return Verifier.builder().trust(new CertificateFolderTrustSource(bundle.trust()))
                .validationTime(spec.windowUntil().plus(Duration.ofDays(30)));
    }

    /** Records what it hears; thread-safe. */
    static final class Recorder implements VerificationListener {
        final Map<String, Integer> opened = new ConcurrentHashMap<>();
        final List<SignatureReport> heard = new CopyOnWriteArrayList<>();
        final List<String> containers = new CopyOnWriteArrayList<>();

        @Override
        public void containerOpened(String container, int signatures) {
            opened.merge(container, signatures, Integer::sum);
        }

        @Override
        public void signatureVerified(String container, SignatureReport report) {
            containers.add(container);
            heard.add(report);
        }
    }

    @Test
    void sequentialVerificationReportsEachSignatureInOrder() throws Exception {
        Recorder recorder = new Recorder();
        ContainerReport report = builder().build().verify(bundle.container(), recorder);

        assertThat(recorder.opened).containsExactly(Map.entry(bundle.container().toString(), 40));
        assertThat(recorder.heard).containsExactlyElementsOf(report.signatures());
        assertThat(recorder.containers).hasSize(40).containsOnly(bundle.container().toString());
    }

    @Test
    void parallelVerificationReportsEachSignatureOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Recorder recorder = new Recorder();
            ContainerReport report = builder().executor(pool).build().verify(bundle.container(), recorder);

            assertThat(recorder.opened).containsExactly(Map.entry(bundle.container().toString(), 40));
            assertThat(recorder.heard).containsExactlyInAnyOrderElementsOf(report.signatures());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anUnreadableContainerOpensNothing() throws Exception {
        Recorder recorder = new Recorder();
        Path notZip = dir.resolve("not.asice");
        java.nio.file.Files.writeString(notZip, "not a zip");
        ContainerReport report = builder().build().verify(notZip, recorder);

        assertThat(report.valid()).isFalse();
        assertThat(recorder.opened).isEmpty();
        assertThat(recorder.heard).isEmpty();
    }

    @Test
    void aListenerFailurePropagatesUnwrapped() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            VerificationListener failing = new VerificationListener() {
                @Override
                public void signatureVerified(String container, SignatureReport report) {
                    throw new IllegalArgumentException("listener broke");
                }
            };
            Verifier verifier = builder().executor(pool).build();
            assertThatThrownBy(() -> verifier.verify(bundle.container(), failing)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            pool.shutdownNow();
        }
    }
}
