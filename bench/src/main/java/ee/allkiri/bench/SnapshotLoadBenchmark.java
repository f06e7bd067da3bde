package ee.allkiri.bench;

import ee.allkiri.core.spi.TrustMaterial;
import ee.allkiri.core.spi.TrustSource;
import ee.allkiri.trustlist.EmbeddedSnapshots;
import ee.allkiri.trustlist.SnapshotTrustSource;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How long loading a trust snapshot takes: the first load (class loading, JAXB and XML
 * security initialisation) and then repeated loads. For an embedded snapshot, both ways: its
 * pre-verified material (what a verifier uses) and verifying its lists afresh (reading the
 * files, checking their digests, verifying every list's XML signature through DSS and
 * converting the services), measured after it in the same JVM.
 * Default: the embedded {@code ee-test} snapshot (one list of lists plus one national list).
 *
 * <pre>
 * mvn -B -q -DskipTests package
 * java -jar bench/target/allkiri-bench.jar snapshot [SPEC] [RUNS]
 * </pre>
 */
final class SnapshotLoadBenchmark {

    private SnapshotLoadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String spec = args.length > 0 ? args[0] : EmbeddedSnapshots.EE_TEST;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        TrustSource source = TrustSpecs.parse(spec);
        measure("load", source::load, runs);
        if (source instanceof SnapshotTrustSource snapshot && EmbeddedSnapshots.names().contains(spec)) {
            measure("verifying the lists", snapshot::verifyLists, runs);
        }
    }

    private interface Load {
        TrustMaterial get() throws IOException;
    }

    /** The first call in this JVM, then {@code runs} more; prints the figures. */
    private static void measure(String what, Load load, int runs) throws IOException {
        long start = System.nanoTime();
        TrustMaterial first = load.get();
        double firstMs = (System.nanoTime() - start) / 1e6;

        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            TrustMaterial m = load.get();
            times[i] = (System.nanoTime() - t) / 1e6;
            if (!m.equals(first)) {
                throw new IllegalStateException("loads disagree");
            }
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%s, %s: %d lists, %d services%n", what, first.description(), first.lists().size(),
                first.services().size());
        System.out.printf(Locale.ROOT, "  first %.1f ms; next %d: min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                firstMs, runs, times[0], times[runs / 2], times[(int) Math.floor(runs * 0.9)], times[runs - 1]);
    }
}
