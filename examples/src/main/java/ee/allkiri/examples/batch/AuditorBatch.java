package ee.allkiri.examples.batch;

import ee.allkiri.asic.Verifier;
import ee.allkiri.cli.ReportWriter;
import ee.allkiri.cli.Version;
import ee.allkiri.core.ContainerReport;
import ee.allkiri.core.Provenance;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * An auditor's batch: verify every signature of a bundle (or a folder of containers), count the
 * distinct eligible people who signed the initiative document in time, and write
 * {@code audit.html} (personal codes masked to their last four digits: the page gets published) and
 * {@code audit.csv} (codes in full: for checking against the population register), both saying
 * how they were made. {@code --help} prints the usage.
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
     * own executor for the signatures inside one bundle), then audited and written, each report
     * with how it was made (allkiri's version, the validation time, the rules, the trust, every
     * container's SHA-256 and size).
     *
     * @param verifier       built to validate at {@code validationTime}
     * @param trust          the trust specification the verifier was built with, for the reports
     * @param validationTime the verifier's validation time, for the reports
     */
    public static AuditReport run(Verifier verifier, String trust, Instant validationTime, AuditJob job, int threads)
            throws IOException {
        String documentSha256 = sha256(job.document()).sha256();
        AuditPolicy policy = AuditPolicy.forDocument(documentSha256)
                .withWindow(job.from(), job.until())
                .withMinimumAge(job.minAge())
                .withThreshold(job.threshold());
        List<Path> files = containers(job.inputs());
        AuditReport audit = Audit.of(verifyAll(verifier, files, threads), policy);
        Provenance provenance = new Provenance(Version.number(), validationTime, options(job, policy),
                List.of(Provenance.Trust.of(trust, verifier.trust())), inputs(job, files), List.of());
        Files.createDirectories(job.outDir());
        // HTML is masked by default (only the last four digits: no birth date, no sex): the page gets published.
        ReportWriter.of(ReportWriter.Format.HTML).withProvenance(provenance).write(audit, job.outDir().resolve(HTML));
        ReportWriter.of(ReportWriter.Format.CSV).withProvenance(provenance).write(audit, job.outDir().resolve(CSV));
        return audit;
    }

    private static Map<String, String> options(AuditJob job, AuditPolicy policy) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("command", "AuditorBatch");
        options.put("document", job.document().getFileName().toString());
        options.put("documentSha256", policy.documentSha256());
        options.put("from", String.valueOf(policy.from()));
        options.put("until", String.valueOf(policy.until()));
        options.put("minimumAge", String.valueOf(policy.minimumAge()));
        options.put("threshold", String.valueOf(policy.threshold()));
        options.put("acceptTest", String.valueOf(policy.acceptTest()));
        return options;
    }

    /** Every container by its path, its name relative to the input folder, its SHA-256 and size. */
    private static List<Provenance.Input> inputs(AuditJob job, List<Path> files) throws IOException {
        List<Provenance.Input> out = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            for (Path input : job.inputs()) {
                if (Files.isDirectory(input) && file.startsWith(input)) {
                    name = input.relativize(file).toString();
                }
            }
            Digest digest = sha256(file);
            out.add(new Provenance.Input(file.toString(), name, digest.sha256(), digest.size(), null));
        }
        return out;
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

    /** A file's SHA-256 and size. */
    private record Digest(String sha256, long size) {
    }

    private static Digest sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new Digest(HexFormat.of().formatHex(digest.digest()), size);
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
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return 0;
        }
        try {
            BatchArguments parsed = BatchArguments.parse(args);
            int cores = Runtime.getRuntime().availableProcessors();
            ExecutorService signatures = Executors.newFixedThreadPool(cores);
            try {
                Instant at = parsed.at() != null ? parsed.at() : Instant.now().truncatedTo(ChronoUnit.SECONDS);
                Verifier verifier = Verifier.builder().trust(TrustSpecs.parse(parsed.trust())).executor(signatures)
                        .validationTime(at).build();
                AuditReport audit = run(verifier, parsed.trust(), at, parsed.job(), cores);
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
