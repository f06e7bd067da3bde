package ee.allkiri.bench;

import ee.allkiri.asic.ContainerLimits;
import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.testkit.bundle.AnswerKeyCheck;
import ee.allkiri.testkit.bundle.AnswerKeyRow;
import ee.allkiri.testkit.bundle.BundleForge;
import ee.allkiri.testkit.bundle.BundleSpec;
import ee.allkiri.testkit.bundle.BundleTerms;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bundle harness: forges rahvaalgatus-style bundles of the given sizes (or takes one
 * given), verifies each through one {@link Verifier} on N threads, and prints signatures per
 * second, wall and CPU time, peak heap, how many signatures took the fast path, and whether
 * every verdict matches the forge's answer key. With {@code --single-thread-check} it verifies
 * again on one thread and compares the reports; with {@code --compare-paths} it verifies again
 * with full validation only (DSS for every signature) and compares the two reports signature by
 * signature ({@link PathComparison}), printing the number of disagreements.
 */
final class BundleBenchmark {

    /** The default limits with a time budget no comparison run reaches. */
    private static final ContainerLimits NO_TIME_LIMIT = ContainerLimits.DEFAULT.withTimeBudget(Duration.ofDays(1));

    private BundleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 1;
        Path bundle = null;
        Path trust = null;
        boolean singleThreadCheck = false;
        boolean comparePaths = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--signers" -> {
                    for (String n : args[++i].split(",")) {
                        sizes.add(Integer.parseInt(n.trim()));
                    }
                }
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--bundle" -> bundle = Path.of(args[++i]);
                case "--trust" -> trust = Path.of(args[++i]);
                case "--single-thread-check" -> singleThreadCheck = true;
                case "--compare-paths" -> comparePaths = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MB, %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        if (bundle != null) {
            String base = bundle.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            Path description = bundle.resolveSibling(base + ".bundle.properties");
            Path key = bundle.resolveSibling(base + ".answer-key.csv");
            if (trust == null) {
                trust = bundle.resolveSibling(base + ".trust");
            }
            BundleTerms terms = Files.exists(description) ? BundleTerms.read(description) : null;
            List<AnswerKeyRow> rows = Files.exists(key) ? Files.readAllLines(key).stream().skip(1)
                    .map(AnswerKeyRow::parse).toList() : null;
            run(bundle, trust, rows, terms, threads, singleThreadCheck, comparePaths);
            return;
        }
        for (int n : sizes) {
            Path dir = Files.createTempDirectory("allkiri-bench-");
            BundleSpec spec = BundleSpec.of(n, seed);
            BundleForge.Result forged = BundleForge.write(spec, dir.resolve("bundle.asice"));
            System.out.printf(Locale.ROOT, "forged %d signatures in %.1f s (%s)%n", n, forged.elapsed().toMillis() / 1000.0,
                    forged.container());
            run(forged.container(), forged.trust(), forged.rows(), BundleTerms.of(spec), threads, singleThreadCheck,
                    comparePaths);
        }
    }

    private static void run(Path bundle, Path trust, List<AnswerKeyRow> rows, BundleTerms terms, int threads,
                            boolean singleThreadCheck, boolean comparePaths) throws Exception {
        Instant at = terms == null ? Instant.now() : terms.windowUntil().plus(Duration.ofDays(30));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Verifier.Builder builder = Verifier.builder().trust(new CertificateFolderTrustSource(trust)).validationTime(at);
            if (comparePaths) {
                builder.limits(NO_TIME_LIMIT); // a comparison on a loaded machine must not end in LIMIT_TIME
            }
            if (threads > 1) {
                builder.executor(pool);
            }
            Verifier verifier = builder.build();
            System.gc();
            long cpu0 = processCpu();
            HeapPeak heap = new HeapPeak();
            long t0 = System.nanoTime();
            ContainerReport report = verifier.verify(bundle);
            long wall = System.nanoTime() - t0;
            long peak = heap.stop();
            long cpu = processCpu() - cpu0;
            int n = report.signatures().size();
            Verifier.Statistics stats = verifier.statistics();
            System.out.printf(Locale.ROOT,
                    "verified %d signatures on %d thread(s): %.1f s wall, %.1f s CPU, %.0f signatures/s, peak heap %d MB; "
                            + "fast path %d, full DSS validation %d%n",
                    n, threads, wall / 1e9, cpu / 1e9, n / (wall / 1e9), peak >> 20, stats.fastPath(), stats.fullValidation());
            if (rows != null && terms != null) {
                List<String> mismatches = AnswerKeyCheck.mismatches(rows, report, terms);
                System.out.printf(Locale.ROOT, "answer key: %d signatures, %d mismatches%n", rows.size(), mismatches.size());
                mismatches.stream().limit(10).forEach(m -> System.out.println("  " + m));
            }
            if (singleThreadCheck && threads > 1) {
                Verifier single = Verifier.builder().trust(new CertificateFolderTrustSource(trust)).validationTime(at).build();
                long s0 = System.nanoTime();
                ContainerReport again = single.verify(bundle);
                System.out.printf(Locale.ROOT, "single thread: %.1f s; reports identical to the %d-thread run: %s%n",
                        (System.nanoTime() - s0) / 1e9, threads, again.equals(report));
            }
            if (comparePaths) {
                comparePaths(bundle, trust, at, threads > 1 ? pool : null, report);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Verifies the bundle again with DSS for every signature and compares the reports signature by signature. */
    private static void comparePaths(Path bundle, Path trust, Instant at, ExecutorService pool, ContainerReport fast)
            throws Exception {
        Verifier.Builder builder = Verifier.builder().trust(new CertificateFolderTrustSource(trust)).validationTime(at)
                .limits(NO_TIME_LIMIT).fullValidationOnly();
        if (pool != null) {
            builder.executor(pool);
        }
        Verifier full = builder.build();
        long t0 = System.nanoTime();
        ContainerReport report = full.verify(bundle);
        double seconds = (System.nanoTime() - t0) / 1e9;
        PathComparison.Result result = PathComparison.compare(fast, report);
        System.out.printf(Locale.ROOT, "full validation only: %d signatures in %.1f s (DSS %d); paths compared signature by "
                        + "signature: %d disagreements (indication, sub-indication, level, error codes), %d reports not identical%n",
                report.signatures().size(), seconds, full.statistics().fullValidation(), result.disagreements().size(),
                result.notIdentical());
        result.disagreements().stream().limit(10).forEach(d -> System.out.println("  " + d));
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
