package ee.allkiri.examples.batch;

import ee.allkiri.asic.Verifier;
import ee.allkiri.cli.ReportWriter;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.audit.Audit;
import ee.allkiri.core.audit.AuditPolicy;
import ee.allkiri.core.audit.AuditReport;
import ee.allkiri.core.audit.AuditSummary;
import ee.allkiri.trustlist.TrustSpecs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * An auditor's batch: verify every signature of a bundle (or a folder of containers), count the
 * distinct eligible people who signed the initiative document in time, and write
 * {@code audit.html} (personal codes masked: the page gets published) and {@code audit.csv}
 * (codes in full: for checking against the population register).
 *
 * <pre>
 * java -cp ... ee.allkiri.examples.batch.AuditorBatch --trust ee-prod --document initiative.html \
 *     --until 2026-03-01T00:00:00Z --threshold 1000 --out report/ signatures.asice
 * </pre>
 * Exit code 0 when the threshold (if any) is reached, 1 when not, 2 on a usage or I/O error.
 */
public final class AuditorBatch {

    /** The HTML page's file name in the output folder. */
    public static final String HTML = "audit.html";
    /** The CSV table's file name in the output folder. */
    public static final String CSV = "audit.csv";

    private AuditorBatch() {
    }

    /**
     * Runs the job: containers are verified on {@code threads} threads (the verifier may have its
     * own executor for the signatures inside one bundle), then audited and written.
     */
    public static AuditReport run(Verifier verifier, AuditJob job, int threads) throws IOException {
        AuditPolicy policy = AuditPolicy.forDocument(sha256(job.document()))
                .withWindow(job.from(), job.until())
                .withMinimumAge(job.minAge())
                .withThreshold(job.threshold());
        AuditReport audit = Audit.of(verifyAll(verifier, containers(job.inputs()), threads), policy);
        Files.createDirectories(job.outDir());
        ReportWriter.of(ReportWriter.Format.HTML).maskingPersonalCodes().write(audit, job.outDir().resolve(HTML));
        ReportWriter.of(ReportWriter.Format.CSV).write(audit, job.outDir().resolve(CSV));
        return audit;
    }

    private static List<ContainerReport> verifyAll(Verifier verifier, List<Path> files, int threads) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ContainerReport>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> verifier.verify(file)));
            }
            List<ContainerReport> reports = new ArrayList<>();
            for (Future<ContainerReport> f : futures) {
                reports.add(f.get());
            }
            return reports;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The container files among the inputs, folders searched recursively, in a stable order. */
    static List<Path> containers(List<Path> inputs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                out.add(input);
                continue;
            }
            try (Stream<Path> walk = Files.walk(input)) {
                walk.filter(Files::isRegularFile).filter(AuditorBatch::isContainer).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static boolean isContainer(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".asice") || name.endsWith(".bdoc") || name.endsWith(".sce");
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static final String USAGE = "usage: AuditorBatch [--trust SPEC] --document FILE [--from ISO] [--until ISO]"
            + " [--min-age YEARS] [--threshold N] [--at ISO] --out DIR PATH...";

    /**
     * {@code [--trust SPEC] --document FILE [--from ISO] [--until ISO] [--min-age YEARS] [--threshold N] [--at ISO]
     * --out DIR PATH...}: trust as {@code allkiri --trust} (default {@code ee-prod}), instants in ISO-8601
     * ({@code 2026-03-01T00:00:00Z}), {@code --at} validates at a past instant instead of now.
     */
    public static void main(String[] args) {
        System.exit(exitCode(args));
    }

    /** 0 when the threshold is reached (or none was given), 1 when not, 2 when the count could not be completed. */
    static int exitCode(AuditSummary summary) {
        if (!summary.complete()) {
            return 2; // never a silent zero: a container ran past the time budget, its signatures are unknown
        }
        return summary.thresholdReached() ? 0 : 1;
    }

    static int exitCode(String[] args) {
        try {
            BatchArguments parsed = BatchArguments.parse(args);
            int cores = Runtime.getRuntime().availableProcessors();
            ExecutorService signatures = Executors.newFixedThreadPool(cores);
            try {
                Verifier.Builder builder = Verifier.builder().trust(TrustSpecs.parse(parsed.trust())).executor(signatures);
                if (parsed.at() != null) {
                    builder.validationTime(parsed.at());
                }
                Verifier verifier = builder.build();
                AuditReport audit = run(verifier, parsed.job(), cores);
                System.out.printf("%d signatures, %d counted; %s and %s written to %s%n", audit.summary().signatures(),
                        audit.summary().counted(), HTML, CSV, parsed.job().outDir());
                if (!audit.summary().complete()) {
                    System.err.println("AuditorBatch: the count could not be completed: "
                            + String.join(", ", audit.summary().incomplete()) + " ran past the time budget (LIMIT_TIME)");
                }
                return exitCode(audit.summary());
            } finally {
                signatures.shutdownNow();
            }
        } catch (IllegalArgumentException | DateTimeException | IOException e) {
            System.err.println("AuditorBatch: " + e.getMessage());
            return 2;
        }
    }
}
