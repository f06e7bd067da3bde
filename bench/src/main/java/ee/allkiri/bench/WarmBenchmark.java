package ee.allkiri.bench;

import ee.allkiri.asic.Verifier;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.SignatureReport;
import ee.allkiri.core.spi.TrustedService;
import ee.allkiri.trustlist.CertificateFolderTrustSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * allkiri's warm rate against the machine's public-key floor, in one JVM (default JIT: tiered
 * C1 + C2, as a service runs, not the C1-only launcher), on one bundle:
 *
 * <ul>
 *   <li>warm rate: one {@link Verifier} built as the command line builds it for a bundle (PEM
 *       folder trust, validation time pinned to the start of the run, {@code verifyingThreads} and
 *       a signature pool of {@code --threads}) verifies the whole bundle {@code --rounds} times;</li>
 *   <li>floor: the public-key verifications each signature needs and cannot share with another
 *       ({@link FloorChecks}: signature value, signer certificate, OCSP response, time-stamp token),
 *       taken out of the bundle beforehand, keys converted to Bouncy Castle keys, each checked to
 *       verify once, then all of them verified per signature on as many threads, in every round
 *       right after allkiri's pass (so both see the same load).</li>
 * </ul>
 *
 * Both rates are the median of the last half of the rounds; the ratio is warm / floor (also by
 * CPU time per signature, the steadier measure on a shared machine). Every round's report must
 * equal the first round's, signature by signature and field by field. Default input: the 1,000-signature bundle of the real npm
 * {@code undersign} that {@code compare} uses ({@link UndersignBundle}).
 *
 * <pre>
 * java -jar bench/target/allkiri-bench.jar warm [--rounds N] [--threads N] [--bundle FILE --trust DIR] [--signers N]
 * </pre>
 */
final class WarmBenchmark {

    private static final int KIND_PASSES = 3;

    private WarmBenchmark() {
    }

    /** One round's figures: wall and process CPU in nanoseconds, JIT compilation and GC in milliseconds. */
    private record Round(long wall, long cpu, long jit, long gc) {
        double rate(int signatures) {
            return signatures / (wall / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 10;
        int threads = Runtime.getRuntime().availableProcessors();
        int signers = 1000;
        Path bundle = null;
        Path trust = null;
        Path work = Path.of("bench/target/compare");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--bundle" -> bundle = Path.of(args[++i]);
                case "--trust" -> trust = Path.of(args[++i]);
                case "--signers" -> signers = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rounds < 2 || threads < 1 || (bundle == null) != (trust == null)) {
            throw new IllegalArgumentException("--rounds at least 2, --threads at least 1, --bundle and --trust together");
        }
        String loadBefore = CompareBenchmark.loadAverage();
        if (bundle == null) {
            UndersignBundle made = UndersignBundle.in(work.resolve("undersign-" + signers), signers,
                    Path.of("testkit/src/test/node"));
            bundle = made.container();
            trust = made.trust();
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, JVM options %s (%s), max heap %d MB; load average before %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), jvmOptions, jit(jvmOptions), Runtime.getRuntime().maxMemory() >> 20,
                loadBefore);
        new WarmBenchmark.Run(bundle, trust, at, threads, rounds).run();
        System.out.printf(Locale.ROOT, "load average after: %s%n", CompareBenchmark.loadAverage());
    }

    private static String jit(List<String> options) {
        return options.stream().anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.startsWith("-Xint")
                || o.equals("-XX:-TieredCompilation")) ? "JIT changed by these options" : "default JIT: tiered, C1 + C2";
    }

    /** The measurement of one bundle. */
    private record Run(Path bundle, Path trustFolder, Instant at, int threads, int rounds) {

        void run() throws Exception {
            CertificateFolderTrustSource trust = new CertificateFolderTrustSource(trustFolder);
            List<X509Certificate> anchors = trust.load().services().stream().map(TrustedService::certificate).toList();
            Provider provider = new org.bouncycastle.jce.provider.BouncyCastleProvider();
            FloorChecks extraction = new FloorChecks(anchors, provider);
            List<FloorChecks.SignatureChecks> floor = extraction.extract(bundle);
            describe(floor, anchors.size(), extraction.distinctKeys());
            checkOnce(floor, provider);

            // named, so that a profile can tell allkiri's threads from the floor's
            ExecutorService signaturePool = threads > 1 ? Executors.newFixedThreadPool(threads, named("bench-signatures-"))
                    : null;
            ExecutorService floorPool = Executors.newFixedThreadPool(threads, named("bench-floor-"));
            try {
                Verifier.Builder builder = Verifier.builder().trust(trust).validationTime(at).verifyingThreads(threads);
                if (signaturePool != null) {
                    builder.executor(signaturePool);
                }
                Verifier verifier = builder.build();
                measure(verifier, floor, provider, floorPool);
                kinds(floor, provider, floorPool);
            } finally {
                floorPool.shutdownNow();
                if (signaturePool != null) {
                    signaturePool.shutdownNow();
                }
            }
        }

        private void describe(List<FloorChecks.SignatureChecks> floor, int anchorCount, int distinctKeys) {
            int checks = floor.stream().mapToInt(s -> s.checks().size()).sum();
            System.out.printf(Locale.ROOT, "bundle: %s, %d signatures; trust: %s (%d certificates); validation time %s "
                            + "(pinned); %d thread(s); %d rounds%n", bundle, floor.size(), trustFolder, anchorCount, at,
                    threads, rounds);
            System.out.printf(Locale.ROOT, "floor: %d public-key verifications taken out of the bundle (%.2f per signature), "
                    + "%d distinct keys (a key signatures share: one Bouncy Castle key object; a key one signature uses: a new "
                    + "object every round)%n", checks, checks / (double) floor.size(),
                    distinctKeys);
            Map<String, Integer> lacking = new LinkedHashMap<>();
            floor.forEach(s -> s.lacks().forEach(l -> lacking.merge(l, 1, Integer::sum)));
            if (lacking.isEmpty()) {
                System.out.println("  every signature has all four: signature value, signer certificate, OCSP response, "
                        + "time-stamp token");
            }
            lacking.forEach((what, n) -> System.out.printf(Locale.ROOT, "  %d signature(s) lack %s (e.g. %s)%n", n, what,
                    floor.stream().filter(s -> s.lacks().contains(what)).findFirst().orElseThrow().signature()));
            Map<String, Integer> kinds = new LinkedHashMap<>();
            floor.forEach(s -> s.checks().forEach(c -> kinds.merge(c.kind(), 1, Integer::sum)));
            kinds.forEach((kind, n) -> System.out.printf(Locale.ROOT, "  %5d x %s%n", n, kind));
        }

        /** Each extracted verification must verify once, before any timing: a false one means the extraction is wrong. */
        private static void checkOnce(List<FloorChecks.SignatureChecks> floor, Provider provider) throws Exception {
            for (FloorChecks.SignatureChecks s : floor) {
                for (KeyCheck c : s.checks()) {
                    if (!c.verify(provider)) {
                        throw new IllegalStateException("extraction is wrong: " + c.kind() + " of " + s.signature()
                                + " does not verify");
                    }
                }
            }
            System.out.println("  each verified once before timing: all true");
        }

        private void measure(Verifier verifier, List<FloorChecks.SignatureChecks> floor, Provider provider,
                             ExecutorService floorPool) throws Exception {
            List<Round> warm = new ArrayList<>();
            List<Round> bound = new ArrayList<>();
            ContainerReport first = null;
            boolean allSame = true;
            int n = floor.size();
            System.out.printf(Locale.ROOT, "%n%5s | %-44s | %-15s | %-31s | %s%n", "round", "allkiri: wall, CPU, signatures/s",
                    "JIT, GC in it", "fast path / DSS, valid, verdicts", "floor: wall, CPU, signatures/s");
            Instant lastHalf = null;
            for (int r = 1; r <= rounds; r++) {
                if (r == rounds / 2 + 1) {
                    lastHalf = Instant.now();
                }
                Verifier.Statistics before = verifier.statistics();
                Clocks start = Clocks.now();
                ContainerReport report = verifier.verify(bundle);
                Round ours = start.since();
                Verifier.Statistics after = verifier.statistics();
                if (report.signatures().size() != n) {
                    throw new IllegalStateException("allkiri reports " + report.signatures().size()
                            + " signatures, the floor extraction found " + n);
                }
                if (first == null) {
                    first = report;
                }
                boolean same = report.equals(first); // every signature's report, field by field
                allSame &= same;
                long valid = report.signatures().stream().filter(SignatureReport::valid).count();
                Round floorRound = floorRound(floor, provider, floorPool);
                warm.add(ours);
                bound.add(floorRound);
                System.out.printf(Locale.ROOT, "%5d | %7.2f s %7.2f s %10.0f signatures/s | %5d ms %5d ms | %6d / %-4d %5d %-12s | "
                                + "%6.2f s %6.2f s %8.0f signatures/s%n", r, ours.wall() / 1e9, ours.cpu() / 1e9, ours.rate(n),
                        ours.jit(), ours.gc(),
                        after.fastPath() - before.fastPath(), after.fullValidation() - before.fullValidation(), valid,
                        r == 1 ? "(first)" : same ? "as round 1" : "DIFFERENT", floorRound.wall() / 1e9,
                        floorRound.cpu() / 1e9, floorRound.rate(n));
            }
            List<Round> lastWarm = warm.subList(rounds / 2, rounds);
            List<Round> lastBound = bound.subList(rounds / 2, rounds);
            double warmRate = n / (median(lastWarm, true) / 1e9);
            double floorRate = n / (median(lastBound, true) / 1e9);
            double warmCpu = median(lastWarm, false) / 1e9 / n;
            double floorCpu = median(lastBound, false) / 1e9 / n;
            System.out.printf(Locale.ROOT, "%nrounds %d - %d (the last half, %s to %s), medians:%n", rounds / 2 + 1, rounds,
                    lastHalf, Instant.now());
            System.out.printf(Locale.ROOT, "  warm rate:   %6.0f signatures/s (%.2f ms CPU per signature)%n", warmRate,
                    warmCpu * 1e3);
            System.out.printf(Locale.ROOT, "  floor:       %6.0f signatures/s (%.2f ms CPU per signature; Bouncy Castle %s, "
                    + "%d thread(s))%n", floorRate, floorCpu * 1e3, provider.getVersionStr(), threads);
            System.out.printf(Locale.ROOT, "  warm / floor: %.1f %% by wall time, %.1f %% by CPU time per signature%n",
                    100 * warmRate / floorRate, 100 * floorCpu / warmCpu);
            System.out.printf(Locale.ROOT, "  verdicts: every round as round 1: %s%n", allSame);
            long jit = lastWarm.stream().mapToLong(Round::jit).sum();
            long cpu = lastWarm.stream().mapToLong(Round::cpu).sum();
            if (jit * 1e6 > 0.1 * cpu) {
                System.out.printf(Locale.ROOT, "  NOT WARM: the JIT compiled for %.1f s in allkiri's last-half rounds "
                        + "(%.0f %% of their CPU time); give more --rounds%n", jit / 1e3, 100 * jit * 1e6 / cpu);
            }
            if (!allSame) {
                throw new IllegalStateException("the verdicts changed between rounds");
            }
        }

        /**
         * One pass of the floor. A key that only one signature uses (the signer's) gets a new key
         * object every round, made before the timing ({@link KeyCheck#withNewKey}): a real pass
         * meets it once, so it must not profit from Bouncy Castle's precomputation for a key it
         * met in an earlier round. Keys that signatures share (CA, responder, time-stamping unit)
         * keep their object, as a verifier keeps them.
         */
        private Round floorRound(List<FloorChecks.SignatureChecks> floor, Provider provider, ExecutorService pool)
                throws Exception {
            Map<java.nio.ByteBuffer, Integer> users = new java.util.HashMap<>();
            for (FloorChecks.SignatureChecks s : floor) {
                s.checks().stream().map(c -> java.nio.ByteBuffer.wrap(c.key().getEncoded())).distinct()
                        .forEach(k -> users.merge(k, 1, Integer::sum));
            }
            List<List<KeyCheck>> rounds = new ArrayList<>();
            for (FloorChecks.SignatureChecks s : floor) {
                List<KeyCheck> checks = new ArrayList<>();
                for (KeyCheck c : s.checks()) {
                    checks.add(users.get(java.nio.ByteBuffer.wrap(c.key().getEncoded())) == 1 ? c.withNewKey(provider) : c);
                }
                rounds.add(checks);
            }
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int i = 0; i < floor.size(); i++) {
                FloorChecks.SignatureChecks s = floor.get(i);
                List<KeyCheck> checks = rounds.get(i);
                tasks.add(() -> {
                    for (KeyCheck c : checks) {
                        if (!c.verify(provider)) {
                            throw new IllegalStateException(c.kind() + " of " + s.signature() + " did not verify");
                        }
                    }
                    return null;
                });
            }
            return timed(tasks, pool);
        }

        /**
         * Each kind of verification alone, on as many threads, median of passes: verifications per
         * second (wall) and CPU time per verification, and each kind's share of the floor's CPU time.
         */
        private void kinds(List<FloorChecks.SignatureChecks> floor, Provider provider, ExecutorService pool) throws Exception {
            Map<String, List<KeyCheck>> byKind = new LinkedHashMap<>();
            floor.forEach(s -> s.checks().forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c)));
            System.out.printf(Locale.ROOT, "%nper kind, alone on %d thread(s), median of %d passes after the rounds:%n",
                    threads, KIND_PASSES);
            System.out.printf(Locale.ROOT, "  %-55s %6s %15s %16s %14s%n", "kind", "count", "verifications/s",
                    "CPU/verification", "share of CPU");
            Map<String, Round> medians = new LinkedHashMap<>();
            for (Map.Entry<String, List<KeyCheck>> e : byKind.entrySet()) {
                List<Callable<Void>> tasks = new ArrayList<>();
                for (KeyCheck c : e.getValue()) {
                    tasks.add(() -> {
                        if (!c.verify(provider)) {
                            throw new IllegalStateException(c.kind() + " did not verify");
                        }
                        return null;
                    });
                }
                List<Round> passes = new ArrayList<>();
                for (int p = 0; p < KIND_PASSES; p++) {
                    passes.add(timed(tasks, pool));
                }
                medians.put(e.getKey(), new Round((long) median(passes, true), (long) median(passes, false), 0, 0));
            }
            double wall = medians.values().stream().mapToDouble(Round::wall).sum() / 1e9;
            double cpu = medians.values().stream().mapToDouble(Round::cpu).sum() / 1e9;
            for (String kind : byKind.keySet()) {
                int count = byKind.get(kind).size();
                Round r = medians.get(kind);
                System.out.printf(Locale.ROOT, "  %-55s %6d %15.0f %13.0f us %13.1f %%%n", kind, count, r.rate(count),
                        r.cpu() / 1e3 / count, 100 * r.cpu() / 1e9 / cpu);
            }
            System.out.printf(Locale.ROOT, "  the kinds one after the other: %.0f signatures/s, %.2f ms CPU per signature "
                    + "(against the grouped floor above)%n", floor.size() / wall, cpu * 1e3 / floor.size());
        }

        private static Round timed(List<Callable<Void>> tasks, ExecutorService pool) throws Exception {
            Clocks start = Clocks.now();
            for (Future<Void> f : pool.invokeAll(tasks)) {
                f.get();
            }
            return start.since();
        }
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static double median(List<Round> rounds, boolean wall) {
        return CompareBenchmark.median(rounds.stream().mapToDouble(r -> wall ? r.wall() : r.cpu()).toArray());
    }

    /** The process's clocks at one instant: wall, CPU (all threads), JIT compilation and GC time so far. */
    private record Clocks(long wall, long cpu, long jit, long gc) {
        static Clocks now() {
            long gc = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime()))
                    .sum();
            long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Clocks(System.nanoTime(), cpu, ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gc);
        }

        Round since() {
            Clocks end = now();
            return new Round(end.wall - wall, end.cpu - cpu, end.jit - jit, end.gc - gc);
        }
    }
}
