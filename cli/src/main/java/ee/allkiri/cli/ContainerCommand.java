package ee.allkiri.cli;

import ee.allkiri.asic.Verifier;
import ee.allkiri.asic.container.ContainerLimits;
import ee.allkiri.core.ContainerReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code verify} and {@code audit} share: trust, paths, time, threads and output. */
abstract class ContainerCommand {

    @Mixin
    TrustOptions trust;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--at", paramLabel = "ISO-INSTANT", description = "Validate at this instant, e.g. 2024-06-01T00:00:00Z.")
    String at;

    @Option(names = "--threads", paramLabel = "N", description = "Containers verified in parallel (default: the number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--mask-personal-codes", description = "Print personal codes as 380010***** (for published reports).")
    boolean mask;

    @Option(names = "--strict-mimetype", description = "A mimetype entry that is not first, compressed or has an extra field, and for .asice/.sce a missing mimetype or one with another media type, is an error (default: a warning; for .bdoc a missing or wrong mimetype is always an error).")
    boolean strictMimetype;

    @Option(names = "--strict-timestamp-c14n", description = "A signature time-stamp over the exclusive canonical form without naming it (as undersign writes them) is an error (default: a warning).")
    boolean strictTimestampC14n;

    @Option(names = "--reject-non-der-certificates", description = "A certificate with a non-minimal INTEGER encoding is an error (default: a warning).")
    boolean rejectNonDer;

    @Option(names = "--require-qualified", description = "With trusted-list trust, a signature the lists show not to be qualified is an error (default: NOT_QUALIFIED is a warning and the signature keeps its indication; audit never counts it).")
    boolean requireQualified;

    @Option(names = "--full-validation", description = "Let DSS validate every signature instead of using the fast path for the common shape.")
    boolean fullValidation;

    @Option(names = "--time-limit", paramLabel = "DURATION",
            description = "Longest time the verification of one container may take, e.g. 90s, 45m, 3h or PT3H (default: "
                    + "10 minutes plus 200 ms per signature of the container). Past it the container is LIMIT_TIME.")
    String timeLimit;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Container files or directories (searched for .asice, .bdoc, .sce).")
    List<Path> paths;

    /** Builds the verifier from the shared options; subclasses may adjust the builder first. */
    Verifier verifier(java.util.function.Consumer<Verifier.Builder> adjust) throws IOException {
        return verifier(trust.sources(), adjust);
    }

    /** Builds the verifier with the given trust sources instead of loading them from the options. */
    Verifier verifier(List<ee.allkiri.core.spi.TrustSource> sources, java.util.function.Consumer<Verifier.Builder> adjust)
            throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        Verifier.Builder builder = Verifier.builder();
        trust.applyTo(builder, sources);
        if (at != null) {
            builder.validationTime(parseInstant("--at", at));
        }
        if (threads > 1) {
            signaturePool = Executors.newFixedThreadPool(threads, daemon("allkiri-signature"));
            builder.executor(signaturePool);
        }
        if (strictMimetype) {
            builder.strictMimetype();
        }
        if (strictTimestampC14n) {
            builder.strictTimestampCanonicalization();
        }
        if (rejectNonDer) {
            builder.rejectNonDerCertificates();
        }
        if (requireQualified) {
            builder.requireQualified();
        }
        if (fullValidation) {
            builder.fullValidationOnly();
        }
        if (timeLimit != null) {
            builder.limits(ContainerLimits.DEFAULT.withTimeBudget(parseDuration("--time-limit", timeLimit)));
        }
        adjust.accept(builder);
        return builder.build();
    }

    /** Signatures within one container are verified on this pool (a bundle has thousands). */
    private ExecutorService signaturePool;

    List<ContainerReport> verifyAll(Verifier verifier) throws IOException, InterruptedException {
        List<Path> files = ContainerFiles.expand(paths);
        Progress progress = Progress.onTerminal(files.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, files.size())), daemon("allkiri-container"));
        try {
            List<Future<ContainerReport>> futures = new ArrayList<>();
            for (Path file : files) {
                futures.add(pool.submit(() -> {
                    ContainerReport report = verifier.verify(file, progress);
                    progress.containerDone();
                    return report;
                }));
            }
            List<ContainerReport> reports = new ArrayList<>();
            for (Future<ContainerReport> f : futures) {
                try {
                    reports.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
            return reports;
        } finally {
            pool.shutdownNow();
            if (signaturePool != null) {
                signaturePool.shutdownNow();
            }
            progress.finish();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    void write(Output result) throws IOException {
        Output shown = mask ? Masking.apply(result) : result;
        Instant when = at != null ? parseInstant("--at", at) : Instant.now();
        if (output == null) {
            PrintStream out = System.out;
            format.write(shown, when, out);
            out.flush();
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".allkiri", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                format.write(shown, when, out);
            }
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A positive duration: seconds ({@code 90}), a number with a unit ({@code 90s}, {@code 45m}, {@code 3h}) or ISO-8601 ({@code PT3H}). */
    static Duration parseDuration(String option, String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        Duration d;
        try {
            if (v.startsWith("pt") || v.startsWith("p")) {
                d = Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
            } else {
                char unit = v.isEmpty() ? ' ' : v.charAt(v.length() - 1);
                long n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
                d = switch (unit) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> {
                        if (!Character.isDigit(unit)) {
                            throw new NumberFormatException(value);
                        }
                        yield Duration.ofSeconds(n);
                    }
                };
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " expects a duration such as 90s, 45m, 3h or PT3H, not '" + value + "'");
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(option + " must be longer than zero, not '" + value + "'");
        }
        return d;
    }

    static Instant parseInstant(String option, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " expects an ISO-8601 instant such as 2024-06-01T00:00:00Z, not '"
                    + value + "'");
        }
    }
}
