package ee.allkiri.bench;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.forge.ContainerForge;
import ee.allkiri.testkit.forge.Variant;
import ee.allkiri.testkit.pki.PkiTrustSource;
import ee.allkiri.testkit.pki.TestPki;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The petition-service case: one small container (one signature over one file), verified
 * through a {@link Verifier} built once and kept warm. SampleTime mode gives the median and
 * percentiles. {@code fullValidation} compares the fast path with DSS alone.
 *
 * <pre>java -jar bench/target/allkiri-bench.jar jmh SingleContainerBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SingleContainerBenchmark {

    @Param({"VALID_LT", "VALID_TM"})
    public String variant;

    @Param({"false", "true"})
    public boolean fullValidation;

    private Verifier verifier;
    private byte[] container;

    @Setup
    public void setUp() throws IOException {
        TestPki pki = TestPki.builder().seed(1).build();
        container = new ContainerForge(pki).forge(Variant.valueOf(variant));
        Verifier.Builder builder = Verifier.builder().trust(new PkiTrustSource(pki))
                .validationTime(pki.epoch().plus(Duration.ofDays(30)));
        if (fullValidation) {
            builder.fullValidationOnly();
        }
        verifier = builder.build();
        ContainerReport first = verifier.verify(container, "petition.asice");
        if (!first.valid()) {
            throw new IllegalStateException("the benchmark container does not verify: " + first.allFindings().toList());
        }
    }

    @Benchmark
    public ContainerReport verify() {
        return verifier.verify(container, "petition.asice");
    }
}
